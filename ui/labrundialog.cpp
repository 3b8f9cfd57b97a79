#include "labrundialog.h"

#include "connectiondialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ks {

LabRunDialog::LabRunDialog(const QString &scenarioId, double defaultScale, QWidget *parent)
    : QDialog(parent)
    , m_scenarioId(scenarioId)
{
    setObjectName(QStringLiteral("labRunDialog"));
    auto *layout = new QVBoxLayout(this);
    m_explain = new QLabel(this);
    m_explain->setWordWrap(true);
    layout->addWidget(m_explain);
    auto *form = new QFormLayout;
    auto *serverRow = new QHBoxLayout;
    m_server = new QLabel(this);
    m_server->setObjectName(QStringLiteral("labServer"));
    m_choose = new QPushButton(this);
    m_choose->setObjectName(QStringLiteral("labChooseServer"));
    serverRow->addWidget(m_server, 1);
    serverRow->addWidget(m_choose);
    form->addRow(serverRow);
    m_scaleLabel = new QLabel(this);
    m_scale = new QDoubleSpinBox(this);
    m_scale->setObjectName(QStringLiteral("labScale"));
    m_scale->setRange(0.01, 1.0);
    m_scale->setSingleStep(0.05);
    m_scale->setDecimals(2);
    m_scale->setValue(defaultScale);
    form->addRow(m_scaleLabel, m_scale);
    layout->addLayout(form);
    m_force = new QCheckBox(this);
    m_force->setObjectName(QStringLiteral("labForce"));
    layout->addWidget(m_force);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_choose, &QPushButton::clicked, this, &LabRunDialog::chooseServer);
    retranslateUi();
}

void LabRunDialog::setSettings(const ConnectionSettings &settings)
{
    m_settings = settings;
    m_haveServer = true;
    updateState();
}

double LabRunDialog::scale() const
{
    return m_scale->value();
}

bool LabRunDialog::force() const
{
    return m_force->isChecked();
}

void LabRunDialog::chooseServer()
{
    ConnectionDialog dialog(this);
    if (m_haveServer)
        dialog.setSettings(m_settings);
    dialog.setMessage(tr("Use an account that may create databases and users (e.g. root on a test server)."));
    if (dialog.exec() == QDialog::Accepted)
        setSettings(dialog.settings());
}

void LabRunDialog::updateState()
{
    m_server->setText(m_haveServer ? tr("Server: %1").arg(m_settings.describe()) : tr("No server chosen yet."));
    if (QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok))
        ok->setEnabled(m_haveServer);
}

void LabRunDialog::retranslateUi()
{
    setWindowTitle(tr("Run %1 on a server").arg(m_scenarioId));
    m_explain->setText(
        tr("Lab mode runs this scenario on a real test server next to its simulation and lists every difference. "
           "It creates its own database (killscope_lab) and accounts, fills the scenario's tables, runs real "
           "mariadb/mysql clients, sends the scenario's kills to the sessions it started, and removes everything "
           "afterwards. Use a test server, never one with real work."));
    m_choose->setText(tr("Server…"));
    m_scaleLabel->setText(tr("Lab scale (table sizes and times):"));
    m_force->setText(tr("Run even though the server has other databases or client sessions"));
    if (QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok))
        ok->setText(tr("Run"));
    updateState();
}

void LabRunDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace ks
