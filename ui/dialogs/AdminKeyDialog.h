#pragma once

#include <QDialog>

// Shows the admin key created on first start, once, with a Copy button.
class AdminKeyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AdminKeyDialog(const QByteArray &clearKey, QWidget *parent = nullptr);
};
