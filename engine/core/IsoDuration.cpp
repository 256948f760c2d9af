#include "IsoDuration.h"

#include <QRegularExpression>

namespace IsoDuration {

std::optional<qint64> parseMs(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d{1,3})?)S)?)?$)"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch() || text == QLatin1String("P") || text.endsWith(QLatin1Char('T')))
        return std::nullopt;
    bool partsOk = true;
    const auto part = [&](int i) {
        if (m.captured(i).isEmpty())
            return qint64(0);
        bool ok = false;
        const qint64 v = m.captured(i).toLongLong(&ok);
        partsOk = partsOk && ok;
        return v;
    };
    // Cap each part so that the sum cannot overflow: 100 years is far beyond any setting.
    const qint64 weeks = part(1), days = part(2), hours = part(3), minutes = part(4);
    if (!partsOk || weeks > 5300 || days > 36600 || hours > 876000 || minutes > 52560000)
        return std::nullopt;
    QString seconds = m.captured(5);
    seconds.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = true;
    const double secs = seconds.isEmpty() ? 0.0 : seconds.toDouble(&ok);
    if (!ok || secs > 3.2e9)
        return std::nullopt;
    return ((weeks * 7 + days) * 24 + hours) * 3600'000 + minutes * 60'000 +
           qRound64(secs * 1000.0);
}

QString fromMs(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("PT0S");
    QString out = QStringLiteral("PT");
    const qint64 hours = ms / 3600'000;
    const qint64 minutes = (ms / 60'000) % 60;
    const qint64 millis = ms % 60'000;
    if (hours)
        out += QString::number(hours) + QLatin1Char('H');
    if (minutes)
        out += QString::number(minutes) + QLatin1Char('M');
    if (millis) {
        if (millis % 1000 == 0)
            out += QString::number(millis / 1000) + QLatin1Char('S');
        else
            out += QString::number(millis / 1000.0, 'f', 3)
                       .remove(QRegularExpression(QStringLiteral("0+$"))) +
                   QLatin1Char('S');
    }
    return out;
}

} // namespace IsoDuration
