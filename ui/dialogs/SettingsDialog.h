#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

// The console's settings (QSettings, group "ui"): language (system, English, Russian; applied
// at the next start), tray notification of new incidents, read-only mode at start, refresh
// interval of the operator views.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr const char *kLanguage = "ui/language";
    static constexpr const char *kNotifyIncidents = "ui/notifyIncidents";
    static constexpr const char *kReadOnly = "ui/readOnly";
    static constexpr const char *kRefreshMs = "ui/refreshMs";

    // `forcedReadOnly`: the console was started with --read-only, which no setting can undo;
    // the box shows it ticked and cannot be changed.
    explicit SettingsDialog(QWidget *parent = nullptr, bool forcedReadOnly = false);

    QComboBox *language() const { return m_language; }
    QCheckBox *notifyIncidents() const { return m_notify; }
    QCheckBox *readOnly() const { return m_readOnly; }
    void save() const;

private:
    QComboBox *m_language;
    QCheckBox *m_notify;
    QCheckBox *m_readOnly;
    QSpinBox *m_refresh;
    bool m_forcedReadOnly;
};
