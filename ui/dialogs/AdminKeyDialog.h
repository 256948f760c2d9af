#pragma once

#include <QDialog>

// Shows a clear API key once, with a Copy button: the admin key created on first start, or
// (with `message`) a key created in the API keys view.
class AdminKeyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AdminKeyDialog(const QByteArray &clearKey, QWidget *parent = nullptr,
                            const QString &message = {});
};
