#pragma once

#include "OperatorTableView.h"

class BulkOperationsModel;

// Bulk operations of the server, newest first, with their progress while they run (started by
// any console's "All matching" or by POST /api/v1/bulk-operations). Stop stops the selected
// running ones; what was done stays done.
class BulkOperationsView : public OperatorTableView
{
    Q_OBJECT
public:
    BulkOperationsView(BackgroundReader &reader, ConsoleBackend *backend, ReadOnlyMode *mode,
                       QWidget *parent = nullptr);
    BulkOperationsModel *model() const { return m_model; }

public slots:
    void stopSelected();

protected:
    void load() override;

private:
    BulkOperationsModel *m_model;
};
