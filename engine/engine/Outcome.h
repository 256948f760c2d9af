#pragma once

#include "JobError.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <utility>
#include <variant>

// A rule's answer: its typed result, or the JobError that refused it.
template <typename T> class Outcome
{
public:
    using value_type = T;

    Outcome(T value) : m_value(std::move(value)) {}
    Outcome(JobError error) : m_value(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    const T &value() const { return std::get<T>(m_value); }
    T &value() { return std::get<T>(m_value); }
    const JobError &error() const { return std::get<JobError>(m_value); }

private:
    std::variant<T, JobError> m_value;
};

// A rule that ran for its effect alone (putting undelivered jobs back).
struct Done
{
};

// Where an answer goes: a callback run on the thread of `context` (the HTTP front end, a
// console view), queued, and dropped if the context is gone by then.
template <typename T> struct Reply
{
    QPointer<QObject> context;
    std::function<void(const Outcome<T> &)> callback;

    void send(Outcome<T> outcome) const
    {
        if (!context || !callback)
            return;
        QMetaObject::invokeMethod(
            context.data(),
            [callback = callback, outcome = std::move(outcome)] { callback(outcome); },
            Qt::QueuedConnection);
    }
};
