#pragma once

#include "JobError.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
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
// console view), queued, and dropped if the context is gone by then. Copies share the callback.
template <typename T> class Reply
{
public:
    using Callback = std::function<void(const Outcome<T> &)>;

    Reply() = default;
    Reply(QObject *context, Callback callback)
        : m_context(context),
          m_callback(callback ? std::make_shared<const Callback>(std::move(callback)) : nullptr)
    {}

    void send(Outcome<T> outcome) const
    {
        if (!m_context || !m_callback)
            return;
        QMetaObject::invokeMethod(
            m_context.data(),
            [callback = m_callback, outcome = std::move(outcome)] { (*callback)(outcome); },
            Qt::QueuedConnection);
    }

private:
    QPointer<QObject> m_context;
    std::shared_ptr<const Callback> m_callback;
};
