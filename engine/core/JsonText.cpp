#include "JsonText.h"

#include "Clock.h"

namespace JsonText {

QJsonValue time(qint64 epochMs)
{
    return epochMs ? QJsonValue(Clock::toIso(epochMs)) : QJsonValue(QJsonValue::Null);
}

} // namespace JsonText
