// The Russian and English translations are built into the console, and its strings use them.
#include "AppIcon.h"
#include "actions/JobActions.h"
#include "models/JobTableModel.h"
#include "models/JsonTreeModel.h"

#include <QFile>
#include <QJsonObject>
#include <QTranslator>
#include <QtTest>

class tst_ui_translations : public QObject
{
    Q_OBJECT

private slots:
    void builtIn_data();
    void builtIn();
    void russian();
    void englishPlurals();
    void icon();
};

void tst_ui_translations::builtIn_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("ru") << QStringLiteral(":/i18n/jobdeck_ru.qm");
    QTest::addRow("en") << QStringLiteral(":/i18n/jobdeck_en.qm");
}

void tst_ui_translations::builtIn()
{
    QFETCH(QString, path);
    QVERIFY(QFile::exists(path));
}

void tst_ui_translations::russian()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/jobdeck_ru.qm")));
    QCoreApplication::installTranslator(&translator);
    QCOMPARE(JobActions::name(JobActions::Kind::Cancel), QStringLiteral("Отменить"));
    QVERIFY(JobActions::describe(JobActions::Kind::Delete, 5)
                .startsWith(QStringLiteral("Удалить 5 задач ")));
    QVERIFY(JobActions::describe(JobActions::Kind::Delete, 2)
                .startsWith(QStringLiteral("Удалить 2 задачи ")));
    JsonTreeModel model;
    QCOMPARE(model.headerData(JsonTreeModel::Value, Qt::Horizontal).toString(),
             QStringLiteral("Значение"));
    model.setJson(QJsonObject{{QStringLiteral("a"), QJsonObject{{QStringLiteral("b"), 1}}}});
    QCOMPARE(model.index(0, JsonTreeModel::Value).data().toString(), QStringLiteral("{1 поле}"));
    QCoreApplication::removeTranslator(&translator);
}

void tst_ui_translations::englishPlurals()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/jobdeck_en.qm")));
    QCoreApplication::installTranslator(&translator);
    QVERIFY(JobActions::describe(JobActions::Kind::Cancel, 1)
                .startsWith(QStringLiteral("Cancel 1 job?")));
    QVERIFY(JobActions::describe(JobActions::Kind::Cancel, 3)
                .startsWith(QStringLiteral("Cancel 3 jobs?")));
    QCoreApplication::removeTranslator(&translator);
}

void tst_ui_translations::icon()
{
    const QIcon icon = AppIcon::icon();
    QVERIFY(!icon.isNull());
    QCOMPARE(icon.pixmap(64).toImage().pixelColor(32, 6), QColor(0x1f3b5c));
}

QTEST_MAIN(tst_ui_translations)
#include "tst_ui_translations.moc"
