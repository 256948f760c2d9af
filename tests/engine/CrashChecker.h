#pragma once

// Checks a store (read directly, on its own read-only connection) and a running server (over
// HTTP) against the ledger of a CrashLoad: acknowledged creates exist, acknowledged states hold
// (or a state reachable from them by the legal transitions), acknowledged deletes are gone, no
// job history shows two workers holding a job at once, and the counters equal a recount.

#include "CrashLoad.h"

#include <QHash>
#include <QSet>
#include <QStringList>

class ApiClient;

class CrashChecker
{
public:
    struct Report
    {
        qsizetype jobsChecked = 0;
        int lost = 0;                  // acknowledged create missing
        int unacknowledgedDeletes = 0; // missing; its DELETE was sent, the answer cut by a kill
        int regressed = 0;             // state not reachable from an acknowledged one
        int resurrected = 0;           // acknowledged delete still there
        int doubleActivations = 0;     // activation while another worker held the job
        int heldInconsistent = 0;      // ACTIVE without a holding activation, or the reverse
        int counterMismatches = 0;     // job_counts rows that differ from the recount
        QStringList problems;          // the first few, for the log

        bool clean() const
        {
            return lost == 0 && regressed == 0 && resurrected == 0 && doubleActivations == 0 &&
                   heldInconsistent == 0 && counterMismatches == 0;
        }
    };

    // deleteAttempts: keys of DELETEs left unanswered by a kill; such a job may be gone without an
    // acknowledgement (the answer was cut by the kill), which is not a loss.
    CrashChecker(const QList<CrashLoad::Ack> &ledger, const QSet<QString> &deleteAttempts);

    // Reads the store file directly; the server may be stopped or running (WAL readers).
    Report checkStore(const QString &databasePath) const;
    // Asks the server for each job of the ledger.
    Report checkHttp(ApiClient &api) const;

    // from == to, or to is reachable from from by JobStates::canTransition steps.
    static bool reachable(JobState from, JobState to);

private:
    struct Expectation
    {
        QList<JobState> acknowledged;
        bool deleted = false;
        bool deleteAttempted = false;
    };
    void checkJob(const QString &key, const Expectation &expected, std::optional<JobState> actual,
                  Report &report) const;

    QHash<QString, Expectation> m_expected;
};
