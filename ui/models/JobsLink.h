#pragma once

#include "core/JobState.h"

#include <QList>
#include <QString>

// Where a click in another view leads: the jobs view filtered to these jobs (any field left
// empty is not filtered), and perhaps one job among them to select.
struct JobsLink
{
    QList<JobState> states;
    QString type;
    QString worker;
    QString search;
    QString jobKey;

    bool isValid() const
    {
        return !states.isEmpty() || !type.isEmpty() || !worker.isEmpty() || !search.isEmpty() ||
               !jobKey.isEmpty();
    }
};
