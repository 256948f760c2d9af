#pragma once

class HttpFrontend;
struct ScheduleRecord;
class QJsonObject;

// /api/v1/schedules (admin or job): recurring schedules that create jobs.
namespace SchedulesApi {

void registerRoutes(HttpFrontend &frontend);
// A schedule as the contract shows it.
QJsonObject render(const ScheduleRecord &schedule);

} // namespace SchedulesApi
