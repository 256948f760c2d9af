#pragma once

#include "OperatorTableView.h"

class WorkersModel;

// Workers seen in activations, last seen first: job types, last seen, active jobs, held long
// polls and counters (what GET /api/v1/workers answers). Nothing to change here.
class WorkersView : public OperatorTableView
{
    Q_OBJECT
public:
    WorkersView(BackgroundReader &reader, ConsoleBackend *backend, QWidget *parent = nullptr);
    WorkersModel *model() const { return m_model; }

protected:
    void load() override;

private:
    WorkersModel *m_model;
};
