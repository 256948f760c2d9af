#include "ListParams.h"

#include "Validation.h"
#include "core/Clock.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

struct SortName
{
    const char *name;
    SortKey key;
};
constexpr SortName kSorts[] = {
    {"created_at", SortKey::CreatedAt}, {"activated_at", SortKey::ActivatedAt},
    {"deadline", SortKey::Deadline},    {"updated_at", SortKey::UpdatedAt},
    {"priority", SortKey::Priority},
};

constexpr int kMaxTerms = 16;
constexpr int kMaxQueryLength = 200;

// What a cursor is bound to: the filters and the sort. A cursor of another list is refused.
QString fingerprint(const QJsonObject &applied)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(applied).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha1)
            .toHex()
            .left(12));
}

} // namespace

QString queryValue(const QUrlQuery &query, const char *name)
{
    return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed();
}

std::optional<qint64> ListParams::periodMs(const QString &word)
{
    const QString w = word.toLower();
    if (w == QLatin1String("1h"))
        return 3'600'000;
    if (w == QLatin1String("24h"))
        return 24LL * 3'600'000;
    if (w == QLatin1String("7d"))
        return 7LL * 24 * 3'600'000;
    if (w == QLatin1String("30d"))
        return 30LL * 24 * 3'600'000;
    if (w == QLatin1String("all"))
        return 0;
    return std::nullopt;
}

std::optional<ListParams> ListParams::parse(const QUrlQuery &query, const ApiKey &caller,
                                            qint64 now, ApiError &error)
{
    ListParams p;
    QJsonObject errors;
    const auto bad = [&errors](const char *field, const QString &message) {
        if (!errors.contains(QLatin1String(field)))
            errors.insert(QLatin1String(field), message);
    };
    const auto value = [&query](const char *name) { return queryValue(query, name); };

    // state / status: filter words, comma-separated, case-insensitive.
    QJsonArray stateNames;
    for (const char *field : {"state", "status"}) {
        const QString text = value(field);
        if (text.isEmpty())
            continue;
        for (const QString &word : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const std::optional<QList<JobState>> states = JobStates::fromFilterWord(word);
            if (!states) {
                bad(field, QStringLiteral("Unknown state '%1' (use pending, scheduled, retrying, "
                                          "active, completed, failed, error_thrown, cancelled)")
                               .arg(word.trimmed()));
                continue;
            }
            for (JobState s : *states)
                if (!p.filter.states.contains(s))
                    p.filter.states.append(s);
        }
    }
    std::sort(p.filter.states.begin(), p.filter.states.end());
    for (JobState s : p.filter.states)
        stateNames.append(JobStates::name(s));
    if (!stateNames.isEmpty())
        p.applied.insert(QStringLiteral("state"), stateNames);

    const auto name = [&](const char *field, QString &target) {
        const QString text = value(field);
        if (text.isEmpty())
            return;
        if (!FieldReader::isName(text))
            return bad(field, QStringLiteral("Must be 1-100 characters: letters, digits, hyphens, "
                                             "underscores"));
        target = text;
        p.applied.insert(QLatin1String(field), text);
    };
    name("type", p.filter.type);
    name("worker", p.filter.worker);
    name("tenant_id", p.filter.tenantId);
    const auto contextId = [&](const char *field, QString &target) {
        const QString text = value(field);
        if (text.size() > 200)
            return bad(field, QStringLiteral("Must be at most 200 characters"));
        target = text;
        if (!text.isEmpty())
            p.applied.insert(QLatin1String(field), text);
    };
    contextId("process_instance_id", p.filter.processInstanceId);
    contextId("element_id", p.filter.elementId);

    const auto time = [&](const char *field, qint64 &target) {
        const QString text = value(field);
        if (text.isEmpty())
            return;
        const std::optional<qint64> ms = Clock::parseIso(text);
        if (!ms)
            return bad(field, QStringLiteral("Must be an ISO 8601 timestamp such as "
                                             "2025-01-11T10:30:00.000Z"));
        target = *ms;
        p.applied.insert(QLatin1String(field), Clock::toIso(*ms));
    };
    time("created_after", p.filter.createdAfter);
    time("created_before", p.filter.createdBefore);
    const QString period = value("period");
    if (!period.isEmpty()) {
        const std::optional<qint64> ms = periodMs(period);
        if (!ms) {
            bad("period", QStringLiteral("Must be one of 1h, 24h, 7d, 30d, all"));
        } else {
            p.applied.insert(QStringLiteral("period"), period.toLower());
            if (*ms)
                p.filter.createdAfter = qMax(p.filter.createdAfter, now - *ms);
        }
    }

    const QString q = value("q");
    if (!q.isEmpty()) {
        p.filter.terms = searchTerms(q);
        if (q.size() > kMaxQueryLength)
            bad("q", QStringLiteral("Must be at most %1 characters").arg(kMaxQueryLength));
        else if (p.filter.terms.isEmpty())
            bad("q", QStringLiteral("Must contain at least one letter or digit"));
        else if (p.filter.terms.size() > kMaxTerms)
            bad("q", QStringLiteral("Must have at most %1 words").arg(kMaxTerms));
        p.applied.insert(QStringLiteral("q"), q);
    }

    const QString sortBy = value("sort_by");
    bool sortKnown = sortBy.isEmpty();
    for (const SortName &s : kSorts)
        if (sortBy.compare(QLatin1String(s.name), Qt::CaseInsensitive) == 0) {
            p.page.sort = s.key;
            sortKnown = true;
        }
    if (!sortKnown)
        bad("sort_by", QStringLiteral("Must be one of created_at, activated_at, deadline, "
                                      "updated_at, priority"));
    const QString order = value("sort_order").toUpper();
    if (!order.isEmpty() && order != QLatin1String("ASC") && order != QLatin1String("DESC"))
        bad("sort_order", QStringLiteral("Must be ASC or DESC"));
    p.page.descending = order != QLatin1String("ASC");
    p.applied.insert(QStringLiteral("sort_by"), sortName(p.page.sort));
    p.applied.insert(QStringLiteral("sort_order"),
                     p.page.descending ? QStringLiteral("DESC") : QStringLiteral("ASC"));

    const auto integer = [&](const char *field, int fallback, int min, int max) {
        const QString text = value(field);
        if (text.isEmpty())
            return fallback;
        bool ok = false;
        const int n = text.toInt(&ok);
        if (!ok || n < min || n > max) {
            bad(field, QStringLiteral("Must be an integer between %1 and %2").arg(min).arg(max));
            return fallback;
        }
        return n;
    };
    p.page.limit = integer("page_size", 20, 1, kMaxPageSize);
    p.pageNumber = integer("page", 1, 1, 1'000'000);
    p.page.offset = qint64(p.pageNumber - 1) * p.page.limit;

    p.filter.visibleTenants = caller.tenantFilter();

    const QString cursor = value("cursor");
    if (!cursor.isEmpty() && errors.isEmpty()) {
        const QJsonObject c =
            QJsonDocument::fromJson(
                QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding))
                .object();
        // Ids pass 2^53: the cursor carries numbers as text.
        bool idOk = false, valueOk = false;
        const qint64 id = c.value(QStringLiteral("i")).toString().toLongLong(&idOk);
        const qint64 sortValue = c.value(QStringLiteral("v")).toString().toLongLong(&valueOk);
        if (!idOk || !valueOk ||
            c.value(QStringLiteral("f")).toString() != fingerprint(p.applied)) {
            bad("cursor", QStringLiteral("Unknown cursor, or a cursor of a list with other "
                                         "filters or sort order"));
        } else {
            p.page.after = SortPosition{sortValue, id};
            p.pageNumber = int(
                qBound(qint64(2), c.value(QStringLiteral("p")).toInteger(), qint64(1'000'000'000)));
            p.page.offset = 0;
        }
    }

    if (!errors.isEmpty()) {
        error = ApiError::validation(errors);
        return std::nullopt;
    }
    return p;
}

QString ListParams::sortName(SortKey key)
{
    for (const SortName &s : kSorts)
        if (s.key == key)
            return QLatin1String(s.name);
    return {};
}

QJsonObject ListParams::filterObject(const JobFilter &f)
{
    QJsonObject o;
    QJsonArray states;
    for (JobState state : f.states)
        states.append(JobStates::name(state).toLower());
    if (!states.isEmpty())
        o.insert(QStringLiteral("state"), states);
    const auto text = [&o](const char *name, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(name), value);
    };
    text("type", f.type);
    text("worker", f.worker);
    text("tenant_id", f.tenantId);
    text("process_instance_id", f.processInstanceId);
    text("element_id", f.elementId);
    if (f.createdAfter)
        o.insert(QStringLiteral("created_after"), Clock::toIso(f.createdAfter));
    if (f.createdBefore)
        o.insert(QStringLiteral("created_before"), Clock::toIso(f.createdBefore));
    text("q", f.terms.join(QLatin1Char(' ')));
    return o;
}

QString ListParams::cursorAfter(const SortPosition &last) const
{
    const QJsonObject c{{QStringLiteral("v"), QString::number(last.value)},
                        {QStringLiteral("i"), QString::number(last.id)},
                        {QStringLiteral("p"), pageNumber + 1},
                        {QStringLiteral("f"), fingerprint(applied)}};
    return QString::fromLatin1(
        QJsonDocument(c)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QStringList ListParams::searchTerms(const QString &q)
{
    QStringList terms;
    QString word;
    for (const QChar c : q) {
        if (c.isLetterOrNumber()) {
            word.append(c);
        } else if (!word.isEmpty()) {
            terms.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        terms.append(word);
    terms.removeDuplicates();
    return terms;
}
