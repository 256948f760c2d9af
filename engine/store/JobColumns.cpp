#include "JobColumns.h"

#include "SqliteStatement.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace JobColumns {
namespace {

// The names of the columns, and of the changeable ones.
struct Names
{
    QStringList all, changeable;
    void add(const char *name, Mutability m)
    {
        all.append(QLatin1String(name));
        if (m == Changeable)
            changeable.append(QLatin1String(name));
    }
    template <typename T> void integer(const char *n, const T &, Mutability m) { add(n, m); }
    void state(const char *n, const JobState &, Mutability m) { add(n, m); }
    void text(const char *n, const QString &, Mutability m) { add(n, m); }
    void textOrNull(const char *n, const QString &, Mutability m) { add(n, m); }
    void json(const char *n, const QByteArray &, Mutability m) { add(n, m); }
    void jsonOrNull(const char *n, const QByteArray &, Mutability m) { add(n, m); }
    void timeOrNull(const char *n, const qint64 &, Mutability m) { add(n, m); }
};

const Names &names()
{
    static const Names n = [] {
        Names out;
        const JobRecord job;
        forEach(job, out);
        return out;
    }();
    return n;
}

// Binds columns in order; with `changeableOnly` the fixed ones are left out.
struct Binder
{
    QSqlQuery &q;
    bool changeableOnly;
    int i = 0;
    void bind(const QVariant &value, Mutability m)
    {
        if (!changeableOnly || m == Changeable)
            q.bindValue(i++, value);
    }
    template <typename T> void integer(const char *, const T &value, Mutability m)
    {
        bind(QVariant::fromValue(value), m);
    }
    void state(const char *, const JobState &s, Mutability m) { bind(int(s), m); }
    void text(const char *, const QString &s, Mutability m) { bind(s, m); }
    void textOrNull(const char *, const QString &s, Mutability m) { bind(orNull(s), m); }
    void json(const char *, const QByteArray &s, Mutability m) { bind(QString::fromUtf8(s), m); }
    void jsonOrNull(const char *, const QByteArray &s, Mutability m) { bind(orNull(s), m); }
    void timeOrNull(const char *, const qint64 &ms, Mutability m) { bind(orNull(ms), m); }
    void id(qint64 id) { q.bindValue(i++, id); } // after the SET list: WHERE id = ?
};

// The same binds straight into a SQLite statement (positions from 1), with QtSql's NULLs: a
// null text, an empty OrNull value, a zero time.
struct SqliteBinder
{
    SqliteStatement &s;
    bool changeableOnly;
    int position = 1;
    bool wanted(Mutability m) const { return !changeableOnly || m == Changeable; }
    template <typename T> void integer(const char *, const T &value, Mutability m)
    {
        if (wanted(m))
            s.bindInt(position++, qint64(value));
    }
    void state(const char *, const JobState &v, Mutability m)
    {
        if (wanted(m))
            s.bindInt(position++, int(v));
    }
    void text(const char *, const QString &v, Mutability m)
    {
        if (wanted(m))
            s.bindText(position++, v);
    }
    void textOrNull(const char *n, const QString &v, Mutability m)
    {
        text(n, v.isEmpty() ? QString() : v, m);
    }
    void json(const char *, const QByteArray &v, Mutability m)
    {
        if (wanted(m))
            s.bindUtf8(position++, v);
    }
    void jsonOrNull(const char *n, const QByteArray &v, Mutability m)
    {
        json(n, v.isEmpty() ? QByteArray() : v, m);
    }
    void timeOrNull(const char *, const qint64 &ms, Mutability m)
    {
        if (!wanted(m))
            return;
        if (ms)
            s.bindInt(position++, ms);
        else
            s.bindNull(position++);
    }
    void id(qint64 id) { s.bindInt(position++, id); } // after the SET list: WHERE id = ?
};

template <typename Binder, typename Target> void bindInsertInto(Target &t, const JobRecord &job)
{
    forEach(job, Binder{t, false});
}

template <typename Binder, typename Target> void bindUpdateInto(Target &t, const JobRecord &job)
{
    Binder binder{t, true};
    forEach(job, binder);
    binder.id(job.id);
}

struct Reader
{
    const QSqlQuery &q;
    int i = 0;
    template <typename T> void integer(const char *, T &value, Mutability)
    {
        value = T(q.value(i++).toLongLong());
    }
    void state(const char *, JobState &s, Mutability) { s = JobState(q.value(i++).toInt()); }
    void text(const char *, QString &s, Mutability) { s = q.value(i++).toString(); }
    void textOrNull(const char *n, QString &s, Mutability m) { text(n, s, m); }
    void json(const char *, QByteArray &s, Mutability) { s = q.value(i++).toString().toUtf8(); }
    void jsonOrNull(const char *n, QByteArray &s, Mutability m) { json(n, s, m); }
    void timeOrNull(const char *, qint64 &ms, Mutability) { ms = q.value(i++).toLongLong(); }
};

} // namespace

QVariant orNull(qint64 ms)
{
    return ms ? QVariant(ms) : QVariant(QMetaType(QMetaType::LongLong));
}
QVariant orNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}
QVariant orNull(const QByteArray &json)
{
    return json.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                          : QVariant(QString::fromUtf8(json));
}

QString expand(const QString &sqlTemplate)
{
    if (!sqlTemplate.contains(QLatin1Char('{')))
        return sqlTemplate; // OperatorStore prepares on each call: most statements have none
    static const QHash<QString, QString> words = [] {
        const Names &n = names();
        QHash<QString, QString> out;
        out.insert(QStringLiteral("job_columns"), n.all.join(QStringLiteral(", ")));
        out.insert(QStringLiteral("job_values"),
                   QStringList(n.all.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
        QStringList set, fromV;
        for (const QString &c : n.changeable) {
            set.append(c + QStringLiteral(" = ?"));
            fromV.append(QStringLiteral("%1 = v.%1").arg(c));
        }
        out.insert(QStringLiteral("job_set"), set.join(QStringLiteral(", ")));
        out.insert(QStringLiteral("job_set_from_v"), fromV.join(QStringLiteral(", ")));
        for (JobState s : JobStates::all())
            out.insert(JobStates::name(s), QString::number(int(s)));
        return out;
    }();
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z_]+)\\}"));
    QString sql;
    qsizetype from = 0;
    for (const QRegularExpressionMatch &m : placeholder.globalMatch(sqlTemplate)) {
        const auto it = words.constFind(m.captured(1));
        Q_ASSERT_X(it != words.constEnd(), "JobColumns::expand", "unknown SQL placeholder");
        sql += QStringView(sqlTemplate).mid(from, m.capturedStart() - from);
        sql += it != words.constEnd() ? *it : m.captured(0);
        from = m.capturedEnd();
    }
    sql += QStringView(sqlTemplate).mid(from);
    return sql;
}

void bindInsert(QSqlQuery &q, const JobRecord &job)
{
    bindInsertInto<Binder>(q, job);
}

void bindUpdate(QSqlQuery &q, const JobRecord &job)
{
    bindUpdateInto<Binder>(q, job);
}

void bindInsert(SqliteStatement &s, const JobRecord &job)
{
    bindInsertInto<SqliteBinder>(s, job);
}

void bindUpdate(SqliteStatement &s, const JobRecord &job)
{
    bindUpdateInto<SqliteBinder>(s, job);
}

JobRecord read(const QSqlQuery &q)
{
    JobRecord job;
    forEach(job, Reader{q});
    return job;
}

} // namespace JobColumns
