<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>AdminKeyDialog</name>
        <message>
            <source>Admin API key</source>
            <translation>API-ключ администратора</translation>
        </message>
        <message>
            <source>Jobdeck created the first admin API key. It is shown only now: copy it and keep it somewhere safe.</source>
            <translation>Jobdeck создал первый API-ключ администратора. Он показывается только сейчас: скопируйте его и сохраните в надёжном месте.</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Копировать</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>Pending</source>
            <translation>Ожидают</translation>
        </message>
        <message>
            <source>Scheduled</source>
            <translation>Запланированы</translation>
        </message>
        <message>
            <source>Retrying</source>
            <translation>Повтор</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Выполняются</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Завершены</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Сбой</translation>
        </message>
        <message>
            <source>Error thrown</source>
            <translation>Бизнес-ошибка</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Отменены</translation>
        </message>
        <message>
            <source>Job type</source>
            <translation>Тип задачи</translation>
        </message>
        <message>
            <source>Search key, type, worker, error, variables (Ctrl+F)</source>
            <translation>Поиск: ключ, тип, обработчик, ошибка, переменные (Ctrl+F)</translation>
        </message>
        <message>
            <source>GET %1</source>
            <translation>GET %1</translation>
        </message>
        <message>
            <source>GET %1 — refused: %2</source>
            <translation>GET %1 — отклонено: %2</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <source>Time</source>
            <translation>Время</translation>
        </message>
        <message>
            <source>Δ previous</source>
            <translation>Δ от предыдущего</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Событие</translation>
        </message>
        <message>
            <source>Attempt</source>
            <translation>Попытка</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Обработчик</translation>
        </message>
        <message>
            <source>Error / details</source>
            <translation>Ошибка / подробности</translation>
        </message>
    </context>
    <context>
        <name>JobActions</name>
        <message>
            <source>Cancel</source>
            <translation>Отменить</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>Повторить</translation>
        </message>
        <message numerus="yes">
            <source>Cancel %n job(s)? Waiting jobs will never run; active jobs lose their lock and their worker's answer will be refused. Finished jobs cannot be cancelled.</source>
            <translation>
                <numerusform>Отменить %n задачу? Ожидающие задачи не будут выполнены; активные теряют блокировку, и ответ их обработчика будет отклонён. Завершённые задачи отменить нельзя.</numerusform>
                <numerusform>Отменить %n задачи? Ожидающие задачи не будут выполнены; активные теряют блокировку, и ответ их обработчика будет отклонён. Завершённые задачи отменить нельзя.</numerusform>
                <numerusform>Отменить %n задач? Ожидающие задачи не будут выполнены; активные теряют блокировку, и ответ их обработчика будет отклонён. Завершённые задачи отменить нельзя.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n job(s) with their history and incidents? This cannot be undone. Active jobs cannot be deleted: cancel them first.</source>
            <translation>
                <numerusform>Удалить %n задачу вместе с историей и инцидентами? Это необратимо. Активные задачи удалить нельзя: сначала отмените их.</numerusform>
                <numerusform>Удалить %n задачи вместе с историей и инцидентами? Это необратимо. Активные задачи удалить нельзя: сначала отмените их.</numerusform>
                <numerusform>Удалить %n задач вместе с историей и инцидентами? Это необратимо. Активные задачи удалить нельзя: сначала отмените их.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Give %n job(s) %1 new retries? A FAILED job with an open incident goes back to the queue and its incident is resolved.</source>
            <translation>
                <numerusform>Дать %n задаче новые повторы (%1)? Задача FAILED с открытым инцидентом вернётся в очередь, а инцидент будет закрыт.</numerusform>
                <numerusform>Дать %n задачам новые повторы (%1)? Задачи FAILED с открытым инцидентом вернутся в очередь, а инциденты будут закрыты.</numerusform>
                <numerusform>Дать %n задачам новые повторы (%1)? Задачи FAILED с открытым инцидентом вернутся в очередь, а инциденты будут закрыты.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>JobDetailPanel</name>
        <message>
            <source>Overview</source>
            <translation>Обзор</translation>
        </message>
        <message>
            <source>Variables</source>
            <translation>Переменные</translation>
        </message>
        <message>
            <source>History</source>
            <translation>История</translation>
        </message>
        <message>
            <source>No job selected</source>
            <translation>Задача не выбрана</translation>
        </message>
        <message>
            <source>Job %1 no longer exists</source>
            <translation>Задачи %1 больше нет</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Создана</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Изменена</translation>
        </message>
        <message>
            <source>Activated</source>
            <translation>Взята в работу</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Окончена</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Срок</translation>
        </message>
        <message>
            <source>Timeout</source>
            <translation>Тайм-аут</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1 мс</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Приоритет</translation>
        </message>
        <message>
            <source>Tenant</source>
            <translation>Арендатор</translation>
        </message>
        <message>
            <source>Attempt</source>
            <translation>Попытка</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Обработчик</translation>
        </message>
        <message>
            <source>%1 (%2 active jobs)</source>
            <translation>%1 (активных задач: %2)</translation>
        </message>
        <message>
            <source>Retries left</source>
            <translation>Осталось повторов</translation>
        </message>
        <message>
            <source>%1 of %2 (backoff %3, at most %4 ms)</source>
            <translation>%1 из %2 (задержка %3, не более %4 мс)</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Ошибка</translation>
        </message>
        <message>
            <source>Incident</source>
            <translation>Инцидент</translation>
        </message>
    </context>
    <context>
        <name>JobTableModel</name>
        <message>
            <source>Key</source>
            <translation>Ключ</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Обработчик</translation>
        </message>
        <message>
            <source>Retries</source>
            <translation>Повторы</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Создана</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Изменена</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Длительность</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Ошибка</translation>
        </message>
    </context>
    <context>
        <name>JobsView</name>
        <message>
            <source>Retry jobs</source>
            <translation>Повтор задач</translation>
        </message>
        <message>
            <source>New retries:</source>
            <translation>Новое число повторов:</translation>
        </message>
        <message numerus="yes">
            <source>%1: %n job(s) done.</source>
            <translation>
                <numerusform>%1: выполнено для %n задачи.</numerusform>
                <numerusform>%1: выполнено для %n задач.</numerusform>
                <numerusform>%1: выполнено для %n задач.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n refused:</source>
            <translation>
                <numerusform>%n отклонена:</numerusform>
                <numerusform>%n отклонены:</numerusform>
                <numerusform>%n отклонено:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… и ещё %n</numerusform>
                <numerusform>… и ещё %n</numerusform>
                <numerusform>… и ещё %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>JsonTreeModel</name>
        <message numerus="yes">
            <source>{%n field(s)}</source>
            <translation>
                <numerusform>{%n поле}</numerusform>
                <numerusform>{%n поля}</numerusform>
                <numerusform>{%n полей}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>[%n item(s)]</source>
            <translation>
                <numerusform>[%n элемент]</numerusform>
                <numerusform>[%n элемента]</numerusform>
                <numerusform>[%n элементов]</numerusform>
            </translation>
        </message>
        <message>
            <source>object</source>
            <translation>объект</translation>
        </message>
        <message>
            <source>array</source>
            <translation>массив</translation>
        </message>
        <message>
            <source>string</source>
            <translation>строка</translation>
        </message>
        <message>
            <source>number</source>
            <translation>число</translation>
        </message>
        <message>
            <source>boolean</source>
            <translation>логическое</translation>
        </message>
        <message>
            <source>null</source>
            <translation>null</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Значение</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Jobdeck</source>
            <translation>Jobdeck</translation>
        </message>
        <message>
            <source>API: %1</source>
            <translation>API: %1</translation>
        </message>
        <message>
            <source>Store: %1</source>
            <translation>Хранилище: %1</translation>
        </message>
        <message>
            <source>Up %1:%2:%3</source>
            <translation>Работает %1:%2:%3</translation>
        </message>
    </context>
</TS>
