#pragma once

#include "store/TypeLimitStore.h"

#include <QHash>
#include <QString>

#include <optional>

class Txn;

// How many jobs of a limited type activation may still hand out in one transaction. The first
// ask for a type locks its limit row (PostgreSQL: nodes take turns) and counts its ACTIVE jobs
// and the activations in the rate window; later asks in the transaction use what is left.
class TypeLimitGate
{
public:
    explicit TypeLimitGate(const QHash<QString, TypeLimit> *limits = nullptr) : m_limits(limits) {}

    // Nothing: the type has no limit.
    std::optional<int> allowance(Txn &txn, const QString &type);
    // `count` jobs of a limited type were activated now.
    void claimed(Txn &txn, const QString &type, int count);

private:
    const TypeLimit *limitOf(const Txn &txn, const QString &type) const;

    // What is left of a type in this transaction, and the oldest activation its rate window
    // counted (0: none), from which the window reopens.
    struct Left
    {
        int jobs = 0;
        qint64 windowOldest = 0;
    };
    const QHash<QString, TypeLimit> *m_limits;
    QHash<QString, Left> m_left;
};
