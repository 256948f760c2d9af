<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ActionController</name>
    <message>
        <source>All matching</source>
        <translation>Все подходящие</translation>
    </message>
    <message>
        <source>New retries:</source>
        <translation>Новое число повторов:</translation>
    </message>
    <message>
        <source>New priority:</source>
        <translation>Новый приоритет:</translation>
    </message>
    <message>
        <source>New timeout (seconds):</source>
        <translation>Новый тайм-аут (секунды):</translation>
    </message>
    <message>
        <source>Job %1 no longer exists</source>
        <translation>Задачи %1 больше нет</translation>
    </message>
    <message>
        <source>No job matches the filter.</source>
        <translation>Ни одна задача не подходит под фильтр.</translation>
    </message>
    <message numerus="yes">
        <source>Every job matching the filter: %n job(s).</source>
        <translation>
            <numerusform>Все задачи по фильтру: %n задача.</numerusform>
            <numerusform>Все задачи по фильтру: %n задачи.</numerusform>
            <numerusform>Все задачи по фильтру: %n задач.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every job matching the filter: more than %1 jobs.</source>
        <translation>Все задачи по фильтру: больше %1 задач.</translation>
    </message>
    <message>
        <source>%1: every job matching the filter…</source>
        <translation>%1: все задачи по фильтру…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) done…</source>
        <translation>
            <numerusform>Выполнено для %n задачи…</numerusform>
            <numerusform>Выполнено для %n задач…</numerusform>
            <numerusform>Выполнено для %n задач…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n job(s) done.</source>
        <translation>
            <numerusform>%1: выполнено для %n задачи.</numerusform>
            <numerusform>%1: выполнено для %n задач.</numerusform>
            <numerusform>%1: выполнено для %n задач.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>Остановлено до конца.</translation>
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
    <message>
        <source>Reason (optional):</source>
        <translation>Причина (необязательно):</translation>
    </message>
    <message>
        <source>New job: %1.</source>
        <translation>Новая задача: %1.</translation>
    </message>
    <message>
        <source>New job…</source>
        <translation>Новая задача…</translation>
    </message>
    <message>
        <source>Create a job, as POST /api/v1/jobs does (to try a worker)</source>
        <translation>Создать задачу, как это делает POST /api/v1/jobs (чтобы проверить обработчик)</translation>
    </message>
    <message>
        <source>New job refused: %1</source>
        <translation>Новая задача отклонена: %1</translation>
    </message>
    <message>
        <source>Job %1 cannot be read: %2</source>
        <translation>Задачу %1 не удаётся прочитать: %2</translation>
    </message>
</context>
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
    <message>
        <source>New API key</source>
        <translation>Новый API-ключ</translation>
    </message>
</context>
<context>
    <name>ApiConnection</name>
    <message>
        <source>The certificate of %1 is not trusted (SHA-256 %2).</source>
        <translation>Сертификат %1 не считается доверенным (SHA-256 %2).</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 не ответил вовремя.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Не удаётся подключиться к %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a Jobdeck server (HTTP %2 without the API&apos;s answer).</source>
        <translation>%1 — не сервер Jobdeck (HTTP %2 без ответа API).</translation>
    </message>
    <message>
        <source>%1 refused the API key (unknown or revoked).</source>
        <translation>%1 отклонил API-ключ (неизвестен или отозван).</translation>
    </message>
</context>
<context>
    <name>ApiKeysModel</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Права</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Арендаторы</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
</context>
<context>
    <name>ApiKeysView</name>
    <message>
        <source>Create…</source>
        <translation>Создать…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Отозвать…</translation>
    </message>
    <message>
        <source>The API key &quot;%1&quot; was created. It is shown only now: copy it and keep it somewhere safe.</source>
        <translation>API-ключ «%1» создан. Он показывается только сейчас: скопируйте его и сохраните в надёжном месте.</translation>
    </message>
    <message>
        <source>Revoke API keys</source>
        <translation>Отзыв API-ключей</translation>
    </message>
    <message>
        <source>Create API key %1</source>
        <translation>Создание API-ключа %1</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n API key(s): %1? Clients using them get 401 Unauthorized from their next request on. This cannot be undone.</source>
        <translation>
            <numerusform>Отозвать %n API-ключ: %1? Клиенты с ним получат 401 Unauthorized начиная со следующего запроса. Это необратимо.</numerusform>
            <numerusform>Отозвать %n API-ключа: %1? Клиенты с ними получат 401 Unauthorized начиная со следующего запроса. Это необратимо.</numerusform>
            <numerusform>Отозвать %n API-ключей: %1? Клиенты с ними получат 401 Unauthorized начиная со следующего запроса. Это необратимо.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke API key %1</source>
        <translation>Отзыв API-ключа %1</translation>
    </message>
</context>
<context>
    <name>AttemptsModel</name>
    <message>
        <source>running</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>завершена</translation>
    </message>
    <message>
        <source>failed, retried</source>
        <translation>сбой, повтор</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>сбой</translation>
    </message>
    <message>
        <source>error thrown</source>
        <translation>бизнес-ошибка</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>истёк тайм-аут</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменена</translation>
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
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Конец</translation>
    </message>
    <message>
        <source>Run time</source>
        <translation>Время работы</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Error / reason</source>
        <translation>Ошибка / причина</translation>
    </message>
    <message>
        <source>Backoff</source>
        <translation>Пауза</translation>
    </message>
</context>
<context>
    <name>BulkOperationsModel</name>
    <message>
        <source>every job</source>
        <translation>все задачи</translation>
    </message>
    <message>
        <source>First refused: %1</source>
        <translation>Первая отклонённая: %1</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Завершена</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Остановлена</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>%1 of more than %2</source>
        <translation>%1 из более чем %2</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Jobs matching</source>
        <translation>Задачи по фильтру</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Сделано</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Успешно</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Кто запустил</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Окончание</translation>
    </message>
</context>
<context>
    <name>BulkOperationsView</name>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <source>No bulk operation yet. &quot;All matching&quot; in the Jobs view, or POST /api/v1/bulk-operations, starts one: the server runs it in small steps, and its progress shows here for every console.</source>
        <translation>Массовых операций пока нет. Их запускает «Все подходящие» в разделе «Задачи» или POST /api/v1/bulk-operations: сервер выполняет операцию небольшими шагами, а её ход виден здесь в каждой консоли.</translation>
    </message>
    <message>
        <source>Stop bulk operation %1</source>
        <translation>Остановка массовой операции %1</translation>
    </message>
</context>
<context>
    <name>ChangeGrant</name>
    <message>
        <source>The API key %1 may only read (permission %2): nothing can be changed with it.</source>
        <translation>API-ключ %1 даёт только чтение (права: %2): с ним ничего нельзя изменить.</translation>
    </message>
    <message>
        <source>A job type&apos;s pause and limits hold for every tenant; the API key %1 sees only %2.</source>
        <translation>Пауза и лимиты типа задач действуют для всех арендаторов; API-ключ %1 видит только: %2.</translation>
    </message>
    <message>
        <source>Only an admin key may do this; the API key %1 has the permission %2.</source>
        <translation>Это может только ключ администратора; у API-ключа %1 права: %2.</translation>
    </message>
    <message>
        <source>Only an admin key may see this list; the API key %1 has the permission %2.</source>
        <translation>Этот список виден только ключу администратора; у API-ключа %1 права: %2.</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>%1 Nothing is read or changed with this key any more; the views show what they last read. Attach again with a valid key.</source>
        <translation>%1 С этим ключом больше ничего не читается и не меняется; разделы показывают то, что прочитали последним. Подключитесь снова с действующим ключом.</translation>
    </message>
    <message numerus="yes">
        <source>Disconnected from %1: %2 Retrying in %n s; the views show what they last read.</source>
        <translation>
            <numerusform>Нет связи с %1: %2 Новая попытка через %n секунду; разделы показывают то, что прочитали последним.</numerusform>
            <numerusform>Нет связи с %1: %2 Новая попытка через %n секунды; разделы показывают то, что прочитали последним.</numerusform>
            <numerusform>Нет связи с %1: %2 Новая попытка через %n секунд; разделы показывают то, что прочитали последним.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message>
        <source>%1 is not a readable file</source>
        <translation>%1 — не файл или его нельзя прочитать</translation>
    </message>
    <message>
        <source>SQLite file, %1 MiB</source>
        <translation>файл SQLite, %1 МиБ</translation>
    </message>
    <message>
        <source>the folder %1 does not exist or is not writable</source>
        <translation>папки %1 нет или в неё нельзя писать</translation>
    </message>
    <message>
        <source>a new SQLite store will be created</source>
        <translation>будет создано новое хранилище SQLite</translation>
    </message>
    <message>
        <source>PostgreSQL %1, a Jobdeck store</source>
        <translation>PostgreSQL %1, хранилище Jobdeck</translation>
    </message>
    <message>
        <source>PostgreSQL %1, no Jobdeck tables yet (they are created when opened)</source>
        <translation>PostgreSQL %1, таблиц Jobdeck пока нет (они будут созданы при открытии)</translation>
    </message>
</context>
<context>
    <name>ConsoleShell</name>
    <message>
        <source>Open store</source>
        <translation>Открыть хранилище</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2

The console goes back to %3.</source>
        <translation>Не удаётся открыть %1:
%2

Консоль возвращается к %3.</translation>
    </message>
    <message>
        <source>Cannot open %1 again:
%2</source>
        <translation>Не удаётся снова открыть %1:
%2</translation>
    </message>
    <message>
        <source>Connect to server</source>
        <translation>Подключение к серверу</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>Не удаётся открыть %1:
%2</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>Jobs by state</source>
        <translation>Задачи по состояниям</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>Открытые инциденты</translation>
    </message>
    <message numerus="yes">
        <source>Last %n minute(s)</source>
        <translation>
            <numerusform>Последняя %n минута</numerusform>
            <numerusform>Последние %n минуты</numerusform>
            <numerusform>Последние %n минут</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue depth per job type</source>
        <translation>Глубина очереди по типам задач</translation>
    </message>
    <message>
        <source>The store cannot be read right now: %1</source>
        <translation>Хранилище сейчас не читается: %1</translation>
    </message>
    <message>
        <source>Finished: %1 · completed: %2 (%3 / min) · failed: %4 (%5 %) · p95 processing time: %6</source>
        <translation>Окончено: %1 · завершено: %2 (%3 / мин) · сбоев: %4 (%5 %) · p95 времени обработки: %6</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>н/д</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Размер: %1</translation>
    </message>
    <message>
        <source> (write-ahead log %1, free pages %2)</source>
        <translation> (журнал WAL %1, свободные страницы %2)</translation>
    </message>
    <message>
        <source>oldest finished job kept: %1 (%2 ago)</source>
        <translation>самое старое завершённое задание: %1 (%2 назад)</translation>
    </message>
    <message>
        <source>no finished job kept</source>
        <translation>завершённых заданий нет</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Хранилище</translation>
    </message>
    <message>
        <source>Retention…</source>
        <translation>Хранение…</translation>
    </message>
    <message>
        <source>Show the open incidents</source>
        <translation>Показать открытые инциденты</translation>
    </message>
    <message>
        <source>Show these jobs</source>
        <translation>Показать эти задачи</translation>
    </message>
    <message>
        <source>Double-click a count to see its jobs</source>
        <translation>Двойной щелчок по числу покажет его задачи</translation>
    </message>
    <message>
        <source>Size: shown to keys of every tenant</source>
        <translation>Размер: виден ключам всех арендаторов</translation>
    </message>
    <message>
        <source>kept: %1</source>
        <translation>хранение: %1</translation>
    </message>
    <message>
        <source>retention: shown to admin keys</source>
        <translation>срок хранения: виден ключам администратора</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
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
    <message>
        <source>Worker</source>
        <translation>Обработчик</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <source>Last 15 min</source>
        <translation>Последние 15 мин</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Последний час</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>Последние 24 ч</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Created within</source>
        <translation>Создана за период</translation>
    </message>
    <message>
        <source>Created after</source>
        <translation>Создана после</translation>
    </message>
    <message>
        <source>before</source>
        <translation>до</translation>
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
    <name>IncidentGroupsModel</name>
    <message>
        <source>Incidents</source>
        <translation>Инцидентов</translation>
    </message>
    <message>
        <source>Job type</source>
        <translation>Тип задачи</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Код ошибки</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Последний</translation>
    </message>
</context>
<context>
    <name>IncidentsModel</name>
    <message>
        <source>Resolved by %1</source>
        <translation>Закрыл: %1</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Инцидент</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Job type</source>
        <translation>Тип задачи</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Закрыт</translation>
    </message>
</context>
<context>
    <name>IncidentsView</name>
    <message>
        <source>Open</source>
        <translation>Открытые</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Закрытые</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Закрыть…</translation>
    </message>
    <message>
        <source>Resolve incidents</source>
        <translation>Закрытие инцидентов</translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n incident(s)? Each job goes back to CREATED with the new retries and workers can activate it again.

New retries:</source>
        <translation>
            <numerusform>Закрыть %n инцидент? Задача вернётся в CREATED с новым числом повторов, и обработчики снова смогут её взять.

Новое число повторов:</numerusform>
            <numerusform>Закрыть %n инцидента? Каждая задача вернётся в CREATED с новым числом повторов, и обработчики снова смогут её взять.

Новое число повторов:</numerusform>
            <numerusform>Закрыть %n инцидентов? Каждая задача вернётся в CREATED с новым числом повторов, и обработчики снова смогут её взять.

Новое число повторов:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n incident(s)</source>
        <translation>
            <numerusform>%1 из %n инцидента</numerusform>
            <numerusform>%1 из %n инцидентов</numerusform>
            <numerusform>%1 из %n инцидентов</numerusform>
        </translation>
    </message>
    <message>
        <source>Show job</source>
        <translation>Показать задачу</translation>
    </message>
    <message>
        <source>Open, by error</source>
        <translation>Открытые, по ошибке</translation>
    </message>
    <message>
        <source>Retry all with this error…</source>
        <translation>Повторить все с этой ошибкой…</translation>
    </message>
    <message>
        <source>Show jobs</source>
        <translation>Показать задачи</translation>
    </message>
    <message numerus="yes">
        <source>%n open incident(s)</source>
        <translation>
            <numerusform>%n открытый инцидент</numerusform>
            <numerusform>%n открытых инцидента</numerusform>
            <numerusform>%n открытых инцидентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error group(s)</source>
        <translation>
            <numerusform>%n группа ошибок</numerusform>
            <numerusform>%n группы ошибок</numerusform>
            <numerusform>%n групп ошибок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolved %n incident(s).</source>
        <translation>
            <numerusform>Закрыт %n инцидент.</numerusform>
            <numerusform>Закрыто %n инцидента.</numerusform>
            <numerusform>Закрыто %n инцидентов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused:</source>
        <translation>
            <numerusform>%n отклонён:</numerusform>
            <numerusform>%n отклонено:</numerusform>
            <numerusform>%n отклонено:</numerusform>
        </translation>
    </message>
    <message>
        <source>The store cannot be read right now: %1</source>
        <translation>Хранилище сейчас не читается: %1</translation>
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
        <source>Cancel %n job(s)? Waiting jobs will never run; active jobs lose their lock and their worker&apos;s answer will be refused. Finished jobs cannot be cancelled.</source>
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
        <source>Give %n job(s) the number of retries below? A FAILED job with an open incident goes back to the queue and its incident is resolved.</source>
        <translation>
            <numerusform>Дать %n задаче число повторов, указанное ниже? Задача FAILED с открытым инцидентом вернётся в очередь, а инцидент будет закрыт.</numerusform>
            <numerusform>Дать %n задачам число повторов, указанное ниже? Задачи FAILED с открытым инцидентом вернутся в очередь, а инциденты будут закрыты.</numerusform>
            <numerusform>Дать %n задачам число повторов, указанное ниже? Задачи FAILED с открытым инцидентом вернутся в очередь, а инциденты будут закрыты.</numerusform>
        </translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Тайм-аут</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Перезапуск</translation>
    </message>
    <message numerus="yes">
        <source>Set the priority of %n job(s) to the value below? Finished jobs cannot be changed.</source>
        <translation>
            <numerusform>Установить приоритет, указанный ниже, для %n задачи? Завершённые задачи изменить нельзя.</numerusform>
            <numerusform>Установить приоритет, указанный ниже, для %n задач? Завершённые задачи изменить нельзя.</numerusform>
            <numerusform>Установить приоритет, указанный ниже, для %n задач? Завершённые задачи изменить нельзя.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the timeout of %n job(s) to the value below? An active job&apos;s deadline moves to that long from now. Finished jobs cannot be changed.</source>
        <translation>
            <numerusform>Установить тайм-аут, указанный ниже, для %n задачи? Срок активной задачи сдвинется на это время от текущего момента. Завершённые задачи изменить нельзя.</numerusform>
            <numerusform>Установить тайм-аут, указанный ниже, для %n задач? Срок активной задачи сдвинется на это время от текущего момента. Завершённые задачи изменить нельзя.</numerusform>
            <numerusform>Установить тайм-аут, указанный ниже, для %n задач? Срок активной задачи сдвинется на это время от текущего момента. Завершённые задачи изменить нельзя.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replay %n job(s) as new job(s) with the variables shown? The old job stays as it is; the new one links to it. Only finished jobs can be replayed.</source>
        <translation>
            <numerusform>Перезапустить %n задачу как новую с показанными переменными? Старая задача останется как есть; новая будет ссылаться на неё. Перезапустить можно только завершённые задачи.</numerusform>
            <numerusform>Перезапустить %n задачи как новые с показанными переменными? Старые задачи останутся как есть; новые будут ссылаться на них. Перезапустить можно только завершённые задачи.</numerusform>
            <numerusform>Перезапустить %n задач как новые с показанными переменными? Старые задачи останутся как есть; новые будут ссылаться на них. Перезапустить можно только завершённые задачи.</numerusform>
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
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Инцидент</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Задача %1</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Код ошибки</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Открыт</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Решён</translation>
    </message>
    <message>
        <source>Resolved by</source>
        <translation>Кем решён</translation>
    </message>
    <message>
        <source>Retry gives the job new retries and resolves this incident.</source>
        <translation>«Повторить» даёт задаче новые попытки и закрывает этот инцидент.</translation>
    </message>
    <message>
        <source>Job %1 is no longer in the list (it is %2 now).</source>
        <translation>Задачи %1 больше нет в списке (теперь она в состоянии %2).</translation>
    </message>
    <message>
        <source>Job %1 was deleted.</source>
        <translation>Задача %1 удалена.</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Copy input as JSON</source>
        <translation>Копировать вход как JSON</translation>
    </message>
</context>
<context>
    <name>JobExporter</name>
    <message>
        <source>CSV files (*.csv);;JSON files (*.json)</source>
        <translation>Файлы CSV (*.csv);;Файлы JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n job(s)…</source>
        <translation>
            <numerusform>Экспорт %n задачи…</numerusform>
            <numerusform>Экспорт %n задач…</numerusform>
            <numerusform>Экспорт %n задач…</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting the filtered jobs…</source>
        <translation>Экспорт отфильтрованных задач…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) written…</source>
        <translation>
            <numerusform>Записана %n задача…</numerusform>
            <numerusform>Записано %n задачи…</numerusform>
            <numerusform>Записано %n задач…</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Экспорт не удался: %1</translation>
    </message>
    <message>
        <source>The export to %1 failed: %2</source>
        <translation>Экспорт в %1 не удался: %2</translation>
    </message>
    <message>
        <source>Export to %1 cancelled; no file written</source>
        <translation>Экспорт в %1 отменён; файл не записан</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n job(s) to %1</source>
        <translation>
            <numerusform>Экспортирована %n задача в %1</numerusform>
            <numerusform>Экспортированы %n задачи в %1</numerusform>
            <numerusform>Экспортировано %n задач в %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobOverview</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>через %1</translation>
    </message>
    <message>
        <source>passed %1 ago</source>
        <translation>истёк %1 назад</translation>
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
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Deadline in</source>
        <translation>До срока</translation>
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
        <source>Run at</source>
        <translation>Запуск в</translation>
    </message>
    <message>
        <source>Activated</source>
        <translation>Активирована</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Следующая попытка</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Завершена</translation>
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
        <source>Retries</source>
        <translation>Повторы</translation>
    </message>
    <message>
        <source>%1 left of %2 (%3 used); backoff %4, at most %5</source>
        <translation>осталось %1 из %2 (использовано %3); пауза %4, не более %5</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>Ожидала</translation>
    </message>
    <message>
        <source>Ran</source>
        <translation>Выполнялась</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <source>Timeout risk</source>
        <translation>Риск тайм-аута</translation>
    </message>
    <message>
        <source>Expected end</source>
        <translation>Ожидаемое завершение</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Прогресс</translation>
    </message>
    <message>
        <source>%1 of %2 rows (%3 succeeded, %4 failed), %5 rows/s</source>
        <translation>%1 из %2 строк (%3 успешно, %4 с ошибкой), %5 строк/с</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>осталось ≈ %1</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Создана задачей</translation>
    </message>
    <message>
        <source>Follow-up jobs</source>
        <translation>Последующие задачи</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>JobStateStyle</name>
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
    <message>
        <source>Attempt</source>
        <translation>Попытка</translation>
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
        <source>How long the job&apos;s last run took: from its activation to its completion, failure, timeout or cancel; counting while it runs</source>
        <translation>Сколько длился последний запуск задачи: от активации до завершения, сбоя, тайм-аута или отмены; пока она выполняется, время идёт</translation>
    </message>
</context>
<context>
    <name>JobTypesModel</name>
    <message>
        <source>Paused by %1 at %2%3</source>
        <translation>Приостановил %1 в %2%3</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Приостановлен</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Работает</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>Oldest waiting</source>
        <translation>Самая старая в ожидании</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Обработчики</translation>
    </message>
    <message>
        <source>Long polls</source>
        <translation>Ждут задач</translation>
    </message>
    <message>
        <source>Activation hands out no more than these limits allow (Limits… changes them)</source>
        <translation>Активация выдаёт не больше, чем позволяют эти ограничения («Ограничения…» меняет их)</translation>
    </message>
    <message>
        <source>%1 of %2 active</source>
        <translation>активно %1 из %2</translation>
    </message>
    <message>
        <source>%1 of %2 per %3</source>
        <translation>%1 из %2 за %3</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Ограничения</translation>
    </message>
</context>
<context>
    <name>JobTypesView</name>
    <message>
        <source>Pause…</source>
        <translation>Приостановить…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <source>Pause job types</source>
        <translation>Приостановка типов задач</translation>
    </message>
    <message>
        <source>Pause %1? Workers get no more jobs of a paused type until it is resumed; jobs already active run to the end.

Reason (optional):</source>
        <translation>Приостановить %1? Обработчики не получат задач приостановленного типа, пока он не будет возобновлён; уже активные задачи доработают до конца.

Причина (необязательно):</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>Приостановка %1</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>Возобновление %1</translation>
    </message>
    <message>
        <source>Show jobs</source>
        <translation>Показать задачи</translation>
    </message>
    <message>
        <source>Limits…</source>
        <translation>Ограничения…</translation>
    </message>
    <message>
        <source>Limits of %1</source>
        <translation>Ограничения %1</translation>
    </message>
</context>
<context>
    <name>JobsView</name>
    <message>
        <source>Act on every job matching the filter, not only the selected ones</source>
        <translation>Действие над всеми задачами по фильтру, а не только над выбранными</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Задача %1</translation>
    </message>
    <message>
        <source>Many new jobs arrived above these rows: scroll to the top to see them.</source>
        <translation>Над этими строками появилось много новых задач: прокрутите вверх, чтобы их увидеть.</translation>
    </message>
    <message>
        <source>The jobs could not be read: %1</source>
        <translation>Не удалось прочитать задачи: %1</translation>
    </message>
    <message>
        <source>Paused: the list does not follow changes. Live (or F5) shows them again.</source>
        <translation>Пауза: список не следит за изменениями. «Вживую» (или F5) снова покажет их.</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Вживую</translation>
    </message>
    <message>
        <source>Follow every change of the jobs as it happens; off, the list stays still while you read it</source>
        <translation>Показывать каждое изменение задач сразу; если выключено, список не меняется, пока вы его читаете</translation>
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
    <name>LimitsDialog</name>
    <message>
        <source>Limits of %1</source>
        <translation>Ограничения %1</translation>
    </message>
    <message>
        <source>Activation hands out no more jobs of %1 than these limits allow, on every node of the store. Workers waiting in a long poll get a job as soon as a slot frees.</source>
        <translation>Активация выдаёт задач %1 не больше, чем позволяют эти ограничения, на всех узлах хранилища. Обработчики в длинном опросе получают задачу, как только освобождается место.</translation>
    </message>
    <message>
        <source>At &amp;most</source>
        <translation>Не &amp;больше</translation>
    </message>
    <message>
        <source>jobs active at once</source>
        <translation>активных задач одновременно</translation>
    </message>
    <message>
        <source>At m&amp;ost</source>
        <translation>Не б&amp;ольше</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>секунд</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>минут</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>часов</translation>
    </message>
    <message>
        <source>activations per</source>
        <translation>активаций за</translation>
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
    <message>
        <source>Jobs</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Job types</source>
        <translation>Типы задач</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Инциденты</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Обработчики</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-ключи</translation>
    </message>
    <message>
        <source>Copy job keys</source>
        <translation>Копировать ключи задач</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Export &amp;selected jobs…</source>
        <translation>Экспорт &amp;выбранных задач…</translation>
    </message>
    <message>
        <source>Export &amp;filtered jobs…</source>
        <translation>Экспорт &amp;отфильтрованных задач…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>&amp;Read-only mode</source>
        <translation>&amp;Только чтение</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Параметры…</translation>
    </message>
    <message>
        <source>Stop API</source>
        <translation>Остановить API</translation>
    </message>
    <message>
        <source>Stop or start the HTTP server; the engine keeps running for the console</source>
        <translation>Остановить или запустить HTTP-сервер; движок продолжает работать для консоли</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Только чтение</translation>
    </message>
    <message>
        <source>Start API</source>
        <translation>Запустить API</translation>
    </message>
    <message>
        <source>API stopped (%1)</source>
        <translation>API остановлен (%1)</translation>
    </message>
    <message>
        <source>The API cannot listen on %1 again</source>
        <translation>API не может снова слушать %1</translation>
    </message>
    <message>
        <source>Incident %1: job %2 (%3) failed: %4</source>
        <translation>Инцидент %1: сбой задачи %2 (%3): %4</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>Новый инцидент</translation>
    </message>
    <message>
        <source>Export selected jobs</source>
        <translation>Экспорт выбранных задач</translation>
    </message>
    <message>
        <source>Export filtered jobs</source>
        <translation>Экспорт отфильтрованных задач</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Nothing to export: the filter is not valid or nothing is selected.</source>
        <translation>Нечего экспортировать: фильтр неверен или ничего не выбрано.</translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation>&amp;Открыть хранилище…</translation>
    </message>
    <message>
        <source>Stop the API? Workers and API clients get &quot;connection refused&quot; until it is started again; held long polls are answered with no jobs. The console keeps working.</source>
        <translation>Остановить API? Обработчики и клиенты API будут получать «connection refused», пока его не запустят снова; ожидающие задач запросы обработчиков получат пустой ответ. Консоль продолжит работать.</translation>
    </message>
    <message>
        <source>Read-only mode: the API cannot be stopped or started</source>
        <translation>Режим только для чтения: API нельзя остановить или запустить</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Расписания</translation>
    </message>
    <message>
        <source>Bulk operations</source>
        <translation>Массовые операции</translation>
    </message>
    <message>
        <source>&amp;Connect to server…</source>
        <translation>&amp;Подключиться к серверу…</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
</context>
<context>
    <name>MatchCount</name>
    <message>
        <source>More than %L1 jobs match</source>
        <translation>Подходит больше %L1 задач</translation>
    </message>
    <message>
        <source>No jobs match</source>
        <translation>Нет подходящих задач</translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s) match</source>
        <translation>
            <numerusform>Подходит %Ln задача</numerusform>
            <numerusform>Подходят %Ln задачи</numerusform>
            <numerusform>Подходит %Ln задач</numerusform>
        </translation>
    </message>
    <message>
        <source>No jobs match these filters.</source>
        <translation>Под эти фильтры не подходит ни одна задача.</translation>
    </message>
</context>
<context>
    <name>NewJobDialog</name>
    <message>
        <source>New job</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Variables (JSON)</source>
        <translation>Переменные (JSON)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Повторы</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Тайм-аут</translation>
    </message>
    <message>
        <source>0: ready now; otherwise the job is SCHEDULED until then</source>
        <translation>0 — готова сразу; иначе задача остаётся SCHEDULED до этого момента</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Задержка</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Арендатор</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>The type must be 1-100 characters: letters, digits, hyphens, underscores.</source>
        <translation>Тип — от 1 до 100 символов: буквы, цифры, дефисы, подчёркивания.</translation>
    </message>
    <message>
        <source>The tenant must be 1-100 characters: letters, digits, hyphens, underscores.</source>
        <translation>Арендатор — от 1 до 100 символов: буквы, цифры, дефисы, подчёркивания.</translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>Create API key</source>
        <translation>Создание API-ключа</translation>
    </message>
    <message>
        <source>e.g. ci-worker</source>
        <translation>например, ci-worker</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Чтение</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>Права:</translation>
    </message>
    <message>
        <source>Tenant ids separated by commas, or * for every tenant</source>
        <translation>Идентификаторы арендаторов через запятую или * для всех</translation>
    </message>
    <message>
        <source>&amp;Tenants:</source>
        <translation>&amp;Арендаторы:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>The name must be 1-100 characters: letters, digits, hyphens, underscores.</source>
        <translation>Имя: от 1 до 100 символов — буквы, цифры, дефисы, подчёркивания.</translation>
    </message>
    <message>
        <source>Give at least one permission.</source>
        <translation>Укажите хотя бы одно право.</translation>
    </message>
    <message>
        <source>Give at least one tenant, or * for every tenant.</source>
        <translation>Укажите хотя бы одного арендатора или * для всех.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tenant id.</source>
        <translation>«%1» — не идентификатор арендатора.</translation>
    </message>
</context>
<context>
    <name>OperatorTableView</name>
    <message>
        <source>The store cannot be read right now: %1</source>
        <translation>Хранилище сейчас не читается: %1</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: выполнено.</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 — отклонено: %2</translation>
    </message>
    <message>
        <source>Open the Jobs view filtered to the selected row&apos;s jobs (double-click a row, or a count, does the same)</source>
        <translation>Открыть вид «Задачи» с задачами выбранной строки (то же делает двойной щелчок по строке или по числу)</translation>
    </message>
</context>
<context>
    <name>PasswordVault</name>
    <message>
        <source>no system keyring (Secret Service or KWallet) is available</source>
        <translation>нет системной связки ключей (Secret Service или KWallet)</translation>
    </message>
    <message>
        <source>the keyring refused access</source>
        <translation>связка ключей отказала в доступе</translation>
    </message>
    <message>
        <source>the keyring could not delete the entry</source>
        <translation>связка ключей не смогла удалить запись</translation>
    </message>
</context>
<context>
    <name>QueueDepthModel</name>
    <message>
        <source>Job type</source>
        <translation>Тип задачи</translation>
    </message>
    <message>
        <source>Waiting</source>
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
        <source>Total</source>
        <translation>Всего</translation>
    </message>
</context>
<context>
    <name>ReadOnlyMode</name>
    <message>
        <source>The console is in read-only mode: nothing can be changed from it.</source>
        <translation>Консоль в режиме «только чтение»: из неё ничего нельзя изменить.</translation>
    </message>
</context>
<context>
    <name>RemoteBackend</name>
    <message>
        <source>no answer (%1); the job is read again to see whether it changed</source>
        <translation>нет ответа (%1); задача будет прочитана снова, чтобы узнать, изменилась ли она</translation>
    </message>
    <message>
        <source>no answer (%1); the view is read again to see whether it changed</source>
        <translation>нет ответа (%1); раздел будет прочитан снова, чтобы узнать, изменилось ли что-то</translation>
    </message>
</context>
<context>
    <name>RemoteConsole</name>
    <message>
        <source>Untrusted certificate</source>
        <translation>Недоверенный сертификат</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted by this system.

SHA-256 fingerprint:
%2

Trust it for this server only if it is the fingerprint the server&apos;s administrator gave you.</source>
        <translation>Эта система не доверяет сертификату %1.

Отпечаток SHA-256:
%2

Доверяйте ему для этого сервера, только если администратор сервера сообщил вам именно этот отпечаток.</translation>
    </message>
    <message>
        <source>, tenants %1</source>
        <translation>, арендаторы %1</translation>
    </message>
    <message>
        <source>Jobdeck %1 · %2 · key %3 (%4%5)</source>
        <translation>Jobdeck %1 · %2 · ключ %3 (%4%5)</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <source>Replay %1</source>
        <translation>Перезапуск %1</translation>
    </message>
    <message>
        <source>Variables of the new job (JSON object):</source>
        <translation>Переменные новой задачи (объект JSON):</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Перезапустить</translation>
    </message>
    <message>
        <source>Not valid JSON at character %1: %2</source>
        <translation>Некорректный JSON в позиции %1: %2</translation>
    </message>
    <message>
        <source>The variables must be a JSON object ({...}).</source>
        <translation>Переменные должны быть объектом JSON ({...}).</translation>
    </message>
    <message>
        <source>The variables are larger than %1 bytes.</source>
        <translation>Переменные больше %1 байт.</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Retention</source>
        <translation>Хранение заданий</translation>
    </message>
    <message>
        <source>Finished jobs older than this are deleted with their history, a few hundred at a time in the background. Jobs with an open incident are always kept. Every node of the store applies the same policy (GET|PUT /api/v1/settings/retention).</source>
        <translation>Завершённые задания старше этого срока удаляются вместе с историей, по несколько сотен за раз в фоне. Задания с открытым инцидентом хранятся всегда. Все узлы хранилища применяют одну и ту же политику (GET|PUT /api/v1/settings/retention).</translation>
    </message>
    <message>
        <source>&amp;Completed jobs:</source>
        <translation>&amp;Выполненные:</translation>
    </message>
    <message>
        <source>C&amp;ancelled jobs:</source>
        <translation>&amp;Отменённые:</translation>
    </message>
    <message>
        <source>&amp;Failed jobs:</source>
        <translation>&amp;Неудачные:</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>секунд</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>минут</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>часов</translation>
    </message>
    <message>
        <source>days</source>
        <translation>дней</translation>
    </message>
    <message>
        <source>Keep for ever</source>
        <translation>Хранить всегда</translation>
    </message>
    <message>
        <source>FAILED and ERROR_THROWN jobs without an open incident</source>
        <translation>Задания FAILED и ERROR_THROWN без открытого инцидента</translation>
    </message>
    <message>
        <source>Read-only mode: the retention policy cannot be changed</source>
        <translation>Режим только для чтения: политику хранения изменить нельзя</translation>
    </message>
    <message>
        <source>for ever</source>
        <translation>всегда</translation>
    </message>
    <message>
        <source>completed %1, cancelled %2, failed %3</source>
        <translation>выполненные %1, отменённые %2, неудачные %3</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Edit schedule %1</source>
        <translation>Изменить расписание %1</translation>
    </message>
    <message>
        <source>New schedule</source>
        <translation>Новое расписание</translation>
    </message>
    <message>
        <source>Cron expression</source>
        <translation>Выражение cron</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Интервал</translation>
    </message>
    <message>
        <source>Minute, hour, day of month, month, day of week (or six fields with seconds first): *, 1,2, 1-5, */15, JAN, MON, L</source>
        <translation>Минута, час, день месяца, месяц, день недели (или шесть полей, первое — секунды): *, 1,2, 1-5, */15, JAN, MON, L</translation>
    </message>
    <message>
        <source>An ISO 8601 duration of at least one second: PT30S, PT15M, PT1H, P1D</source>
        <translation>Длительность ISO 8601 не меньше секунды: PT30S, PT15M, PT1H, P1D</translation>
    </message>
    <message>
        <source>Paused: create no jobs until resumed</source>
        <translation>Приостановлено: не создавать задачи до возобновления</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>Job &amp;type:</source>
        <translation>&amp;Тип задачи:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Повтор:</translation>
    </message>
    <message>
        <source>&amp;Cron:</source>
        <translation>&amp;Cron:</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>&amp;Каждые:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>Часовой &amp;пояс:</translation>
    </message>
    <message>
        <source>&amp;Variables:</source>
        <translation>П&amp;еременные:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>П&amp;риоритет:</translation>
    </message>
    <message>
        <source>Re&amp;tries:</source>
        <translation>П&amp;опытки:</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>Т&amp;айм-аут:</translation>
    </message>
    <message>
        <source>Every: an ISO 8601 duration of at least one second (PT30S, PT15M, PT1H, P1D)</source>
        <translation>Интервал: длительность ISO 8601 не меньше секунды (PT30S, PT15M, PT1H, P1D)</translation>
    </message>
    <message>
        <source>This expression never fires (no such date)</source>
        <translation>Это выражение никогда не сработает (такой даты нет)</translation>
    </message>
    <message>
        <source>Name: 1-100 letters, digits, hyphens or underscores</source>
        <translation>Имя: 1–100 латинских букв, цифр, дефисов или подчёркиваний</translation>
    </message>
    <message>
        <source>Job type: 1-100 letters, digits, hyphens or underscores</source>
        <translation>Тип задачи: 1–100 латинских букв, цифр, дефисов или подчёркиваний</translation>
    </message>
    <message>
        <source>Variables: a JSON object, such as {&quot;report&quot;: &quot;daily&quot;}</source>
        <translation>Переменные: объект JSON, например {&quot;report&quot;: &quot;daily&quot;}</translation>
    </message>
    <message>
        <source>Timeout: an ISO 8601 duration from PT1S to PT24H</source>
        <translation>Тайм-аут: длительность ISO 8601 от PT1S до PT24H</translation>
    </message>
    <message>
        <source>Next runs:</source>
        <translation>Ближайшие запуски:</translation>
    </message>
    <message numerus="yes">
        <source>A cron expression has 5 fields (minute, hour, day of month, month, day of week) or 6 with seconds first; this one has %n</source>
        <translation>
            <numerusform>В выражении cron 5 полей (минута, час, день месяца, месяц, день недели) или 6, первое — секунды; здесь %n</numerusform>
            <numerusform>В выражении cron 5 полей (минута, час, день месяца, месяц, день недели) или 6, первое — секунды; здесь %n</numerusform>
            <numerusform>В выражении cron 5 полей (минута, час, день месяца, месяц, день недели) или 6, первое — секунды; здесь %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Секунды</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Минуты</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Часы</translation>
    </message>
    <message>
        <source>Day of month</source>
        <translation>День месяца</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Day of week</source>
        <translation>День недели</translation>
    </message>
    <message>
        <source>an empty list item</source>
        <translation>пустой элемент списка</translation>
    </message>
    <message>
        <source>L (the last day) is for the day of month only</source>
        <translation>L (последний день) — только для дня месяца</translation>
    </message>
    <message>
        <source>? is for the day fields only</source>
        <translation>? — только для полей дня</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has more than one step</source>
        <translation>в «%1» больше одного шага</translation>
    </message>
    <message>
        <source>the step of &quot;%1&quot; must be a whole number of at least 1</source>
        <translation>шаг в «%1» должен быть целым числом не меньше 1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a range</source>
        <translation>«%1» — не диапазон</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>«%1» — не число</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number or a name (%2)</source>
        <translation>«%1» — не число и не имя (%2)</translation>
    </message>
    <message>
        <source>%1 is out of range %2-%3</source>
        <translation>%1 вне диапазона %2-%3</translation>
    </message>
    <message>
        <source>the range %1 runs backwards</source>
        <translation>диапазон %1 идёт в обратную сторону</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: %3</source>
        <translation>%1 «%2»: %3</translation>
    </message>
    <message>
        <source>Time zone: &quot;%1&quot; is not an IANA time zone (such as Europe/Moscow or UTC)</source>
        <translation>Часовой пояс: «%1» — не часовой пояс IANA (например, Europe/Moscow или UTC)</translation>
    </message>
</context>
<context>
    <name>SchedulesModel</name>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>Каждый %n день</numerusform>
            <numerusform>Каждые %n дня</numerusform>
            <numerusform>Каждые %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n hour(s)</source>
        <translation>
            <numerusform>Каждый %n час</numerusform>
            <numerusform>Каждые %n часа</numerusform>
            <numerusform>Каждые %n часов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Каждую %n минуту</numerusform>
            <numerusform>Каждые %n минуты</numerusform>
            <numerusform>Каждые %n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n second(s)</source>
        <translation>
            <numerusform>Каждую %n секунду</numerusform>
            <numerusform>Каждые %n секунды</numerusform>
            <numerusform>Каждые %n секунд</numerusform>
        </translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>Каждые %1</translation>
    </message>
    <message>
        <source>Every day at %1</source>
        <translation>Каждый день в %1</translation>
    </message>
    <message>
        <source>At %1 on %2</source>
        <translation>В %1, %2</translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Каждую минуту</translation>
    </message>
    <message>
        <source>Every hour at minute %1</source>
        <translation>Каждый час в %1 мин</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Приостановлено</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активно</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Job type</source>
        <translation>Тип задачи</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Следующий запуск</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Последний запуск</translation>
    </message>
    <message>
        <source>Last job</source>
        <translation>Последняя задача</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
</context>
<context>
    <name>SchedulesView</name>
    <message>
        <source>New…</source>
        <translation>Создать…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Приостановить</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Запустить сейчас</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Show last job</source>
        <translation>Показать последнюю задачу</translation>
    </message>
    <message>
        <source>No schedules yet. New… creates one: a job type, and a cron expression on a time zone or an interval (POST /api/v1/schedules).</source>
        <translation>Расписаний пока нет. «Создать…» добавит расписание: тип задачи и выражение cron в часовом поясе или интервал (POST /api/v1/schedules).</translation>
    </message>
    <message>
        <source>Delete schedules</source>
        <translation>Удаление расписаний</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n schedule(s): %1? The jobs they created stay.</source>
        <translation>
            <numerusform>Удалить %n расписание: %1? Созданные им задачи останутся.</numerusform>
            <numerusform>Удалить %n расписания: %1? Созданные ими задачи останутся.</numerusform>
            <numerusform>Удалить %n расписаний: %1? Созданные ими задачи останутся.</numerusform>
        </translation>
    </message>
    <message>
        <source>Create schedule %1</source>
        <translation>Создание расписания %1</translation>
    </message>
    <message>
        <source>Change schedule %1</source>
        <translation>Изменение расписания %1</translation>
    </message>
    <message>
        <source>Pause schedule %1</source>
        <translation>Приостановка расписания %1</translation>
    </message>
    <message>
        <source>Resume schedule %1</source>
        <translation>Возобновление расписания %1</translation>
    </message>
    <message>
        <source>Run schedule %1</source>
        <translation>Запуск расписания %1</translation>
    </message>
    <message>
        <source>Delete schedule %1</source>
        <translation>Удаление расписания %1</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Connect to server</source>
        <translation>Подключение к серверу</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL сервера</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-ключ</translation>
    </message>
    <message>
        <source>Remember the key in the system keyring</source>
        <translation>Запомнить ключ в системной связке ключей</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Доверять этому сертификату</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <source>The URL must start with http:// or https://.</source>
        <translation>URL должен начинаться с http:// или https://.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Подключено: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>A new language applies at the next start.</source>
        <translation>Новый язык применится при следующем запуске.</translation>
    </message>
    <message>
        <source>Notify me of new incidents (system tray)</source>
        <translation>Сообщать о новых инцидентах (системный лоток)</translation>
    </message>
    <message>
        <source>Read-only: no action can change a job or a key</source>
        <translation>Только чтение: никакое действие не изменит задачу или ключ</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <source>&amp;Refresh views every:</source>
        <translation>&amp;Обновлять виды каждые:</translation>
    </message>
    <message>
        <source>Started with --read-only: read-only until the next start</source>
        <translation>Запущено с --read-only: только чтение до следующего запуска</translation>
    </message>
</context>
<context>
    <name>SpanText</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n час</numerusform>
            <numerusform>%n часа</numerusform>
            <numerusform>%n часов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n минуту</numerusform>
            <numerusform>%n минуты</numerusform>
            <numerusform>%n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n секунду</numerusform>
            <numerusform>%n секунды</numerusform>
            <numerusform>%n секунд</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ms</source>
        <translation>
            <numerusform>%n мс</numerusform>
            <numerusform>%n мс</numerusform>
            <numerusform>%n мс</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 ч</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>Open store</source>
        <translation>Открыть хранилище</translation>
    </message>
    <message>
        <source>(choose a recent store)</source>
        <translation>(выберите недавнее хранилище)</translation>
    </message>
    <message>
        <source>&amp;Recent:</source>
        <translation>&amp;Недавние:</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>Файл SQLite</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Проверить подключение</translation>
    </message>
    <message>
        <source>Ask which store to open at every start</source>
        <translation>Спрашивать при каждом запуске, какое хранилище открыть</translation>
    </message>
    <message>
        <source>Unless --db or JOBDECK_DB names a store</source>
        <translation>Если хранилище не задано через --db или JOBDECK_DB</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>The console&apos;s own engine opens the file; a file that does not exist yet becomes a new store.</source>
        <translation>Файл открывает собственный движок консоли; если файла ещё нет, он станет новым хранилищем.</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Хост:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Порт:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>П&amp;ользователь:</translation>
    </message>
    <message>
        <source>empty: ~/.pgpass or PGPASSWORD</source>
        <translation>пусто: ~/.pgpass или PGPASSWORD</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <source>optional, e.g. /var/run/postgresql</source>
        <translation>необязательно, например /var/run/postgresql</translation>
    </message>
    <message>
        <source>Unix &amp;socket folder:</source>
        <translation>Папка Unix-&amp;сокета:</translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation>Запомнить пароль в системной связке ключей</translation>
    </message>
    <message>
        <source>Looking for the system keyring…</source>
        <translation>Поиск системной связки ключей…</translation>
    </message>
    <message>
        <source>The console joins the database as one more Jobdeck node: it sees and acts on the jobs of every node.</source>
        <translation>Консоль подключается к базе как ещё один узел Jobdeck: она видит задачи всех узлов и может с ними работать.</translation>
    </message>
    <message>
        <source>The keyring did not give the password: %1</source>
        <translation>Связка ключей не выдала пароль: %1</translation>
    </message>
    <message>
        <source>The password is kept by the system keyring, never in Jobdeck&apos;s settings.</source>
        <translation>Пароль хранит системная связка ключей, в настройках Jobdeck его нет.</translation>
    </message>
    <message>
        <source>The password cannot be remembered (%1): it is asked for each time. Leave it empty to use ~/.pgpass or PGPASSWORD.</source>
        <translation>Пароль нельзя запомнить (%1): он запрашивается каждый раз. Оставьте поле пустым, чтобы использовать ~/.pgpass или PGPASSWORD.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Подключение к %1…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Подключено: %1</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Не удаётся подключиться: %1</translation>
    </message>
    <message>
        <source>SQLite store</source>
        <translation>Хранилище SQLite</translation>
    </message>
    <message>
        <source>SQLite stores (*.db *.sqlite);;All files (*)</source>
        <translation>Хранилища SQLite (*.db *.sqlite);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>StoreLocation</name>
    <message>
        <source>Choose a SQLite file.</source>
        <translation>Выберите файл SQLite.</translation>
    </message>
    <message>
        <source>Enter the PostgreSQL host.</source>
        <translation>Укажите хост PostgreSQL.</translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation>Укажите имя базы данных.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Укажите имя пользователя.</translation>
    </message>
</context>
<context>
    <name>StoreUpkeep</name>
    <message>
        <source>Re&amp;tention…</source>
        <translation>&amp;Хранение заданий…</translation>
    </message>
    <message>
        <source>How long finished jobs are kept</source>
        <translation>Сколько хранить завершённые задания</translation>
    </message>
    <message>
        <source>&amp;Back up store…</source>
        <translation>&amp;Резервная копия хранилища…</translation>
    </message>
    <message>
        <source>A PostgreSQL store is backed up with pg_dump</source>
        <translation>Резервную копию хранилища PostgreSQL делает pg_dump</translation>
    </message>
    <message>
        <source>Write a consistent copy of the store while the server runs on</source>
        <translation>Записать согласованную копию хранилища, не останавливая сервер</translation>
    </message>
    <message>
        <source>The retention policy cannot be read: %1</source>
        <translation>Не удалось прочитать политику хранения: %1</translation>
    </message>
    <message>
        <source>Retention saved: %1</source>
        <translation>Политика хранения сохранена: %1</translation>
    </message>
    <message>
        <source>Retention not saved: %1</source>
        <translation>Политика хранения не сохранена: %1</translation>
    </message>
    <message>
        <source>Back up store</source>
        <translation>Резервная копия хранилища</translation>
    </message>
    <message>
        <source>Jobdeck store (*.db);;All files (*)</source>
        <translation>Хранилище Jobdeck (*.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Backing up the store to %1…</source>
        <translation>Копирование хранилища в %1…</translation>
    </message>
    <message numerus="yes">
        <source>Backed up to %1: %n job(s), %2 in %3 s</source>
        <translation>
            <numerusform>Копия записана в %1: %n задание, %2 за %3 с</numerusform>
            <numerusform>Копия записана в %1: %n задания, %2 за %3 с</numerusform>
            <numerusform>Копия записана в %1: %n заданий, %2 за %3 с</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>Резервная копия не создана: %1</translation>
    </message>
    <message>
        <source>Backing up the store to %1…
%2 of about %3 copied</source>
        <translation>Копирование хранилища в %1…
скопировано %2 из примерно %3</translation>
    </message>
    <message>
        <source>The server&apos;s store is backed up on the server (jobdeck --backup)</source>
        <translation>Резервную копию хранилища сервера делают на сервере (jobdeck --backup)</translation>
    </message>
</context>
<context>
    <name>ThroughputChart</name>
    <message>
        <source>completed / min</source>
        <translation>завершено / мин</translation>
    </message>
    <message>
        <source>failure rate</source>
        <translation>доля сбоев</translation>
    </message>
</context>
<context>
    <name>WorkersModel</name>
    <message>
        <source>Worker</source>
        <translation>Обработчик</translation>
    </message>
    <message>
        <source>Job types</source>
        <translation>Типы задач</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Последний раз</translation>
    </message>
    <message>
        <source>Active jobs</source>
        <translation>Активные задачи</translation>
    </message>
    <message>
        <source>Long polls</source>
        <translation>Ждут задач</translation>
    </message>
    <message>
        <source>Activated</source>
        <translation>Взято</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Сбоев</translation>
    </message>
    <message>
        <source>Activations that ended with no answer from the worker: the lock ran out, the activation never reached it, or the job was cancelled while it ran (activated − completed − failed − active)</source>
        <translation>Активации, закончившиеся без ответа обработчика: истекла блокировка, активация не дошла до него или задачу отменили во время выполнения (взято − завершено − сбоев − активные)</translation>
    </message>
    <message>
        <source>Timed out / cancelled</source>
        <translation>Тайм-аут / отмена</translation>
    </message>
</context>
<context>
    <name>WorkersView</name>
    <message>
        <source>Show jobs</source>
        <translation>Показать задачи</translation>
    </message>
    <message>
        <source>No worker has asked for jobs yet. Workers appear here once they activate jobs (POST /api/v1/jobs/activate); a store filled by a generator or an import has jobs but no workers.</source>
        <translation>Ни один обработчик ещё не запрашивал задачи. Обработчики появляются здесь, когда активируют задачи (POST /api/v1/jobs/activate); в хранилище, заполненном генератором или импортом, задачи есть, а обработчиков нет.</translation>
    </message>
</context>
</TS>
