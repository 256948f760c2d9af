#pragma once

#include <QLatin1String>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

// A WHERE clause assembled from fixed SQL fragments and bound values: user input only ever
// travels as a bound value, never as SQL text.
class SqlWhere
{
public:
    // `fragment` holds one `?` per value, e.g. "type = ?".
    void add(const char *fragment, const QVariantList &values = {})
    {
        m_terms.append(QLatin1String(fragment));
        m_binds += values;
    }
    // A fragment assembled from fixed pieces (column names, operators), never from input.
    void addText(const QString &fragment, const QVariantList &values = {})
    {
        m_terms.append(fragment);
        m_binds += values;
    }
    // "<column> IN (?, ?, ...)" over the values; nothing when there are none.
    void addIn(const char *column, const QVariantList &values)
    {
        if (values.isEmpty())
            return;
        QStringList marks(values.size(), QStringLiteral("?"));
        m_terms.append(QLatin1String(column) + QLatin1String(" IN (") +
                       marks.join(QLatin1String(", ")) + QLatin1Char(')'));
        m_binds += values;
    }
    void append(const SqlWhere &other)
    {
        m_terms += other.m_terms;
        m_binds += other.m_binds;
    }
    bool isEmpty() const { return m_terms.isEmpty(); }
    // " WHERE a AND b", or nothing.
    QString clause() const
    {
        return m_terms.isEmpty() ? QString()
                                 : QLatin1String(" WHERE ") + m_terms.join(QLatin1String(" AND "));
    }
    const QVariantList &binds() const { return m_binds; }

    static void bindAll(QSqlQuery &query, const QVariantList &binds)
    {
        for (int i = 0; i < binds.size(); ++i)
            query.bindValue(i, binds.at(i));
    }

private:
    QStringList m_terms;
    QVariantList m_binds;
};
