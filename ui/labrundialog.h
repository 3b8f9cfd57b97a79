#pragma once

#include "connectionsettings.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace ks {

// Where and how to run a scenario in lab mode: the server (through the connection dialog), the
// lab scale and whether to run on a server that has other databases or sessions. Explains what
// lab mode will do to the server before anything happens.
class LabRunDialog : public QDialog
{
    Q_OBJECT
public:
    LabRunDialog(const QString &scenarioId, double defaultScale, QWidget *parent = nullptr);

    void setSettings(const ConnectionSettings &settings);
    ConnectionSettings settings() const { return m_settings; }
    double scale() const;
    bool force() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void chooseServer();
    void updateState();

    QString m_scenarioId;
    ConnectionSettings m_settings;
    bool m_haveServer = false;
    QLabel *m_explain = nullptr;
    QLabel *m_server = nullptr;
    QPushButton *m_choose = nullptr;
    QLabel *m_scaleLabel = nullptr;
    QDoubleSpinBox *m_scale = nullptr;
    QCheckBox *m_force = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ks
