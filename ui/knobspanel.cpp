#include "knobspanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ks {

KnobsPanel::KnobsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("knobsPanel"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);
    auto *form = new QFormLayout;
    outer->addLayout(form);

    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(QStringLiteral("concurrencyKnob"));
    m_concurrency->setRange(0, 1000);
    m_concurrencyLabel = new QLabel(this);
    m_concurrencyLabel->setBuddy(m_concurrency);
    form->addRow(m_concurrencyLabel, m_concurrency);

    m_io = new QDoubleSpinBox(this);
    m_io->setObjectName(QStringLiteral("ioPressureKnob"));
    m_io->setRange(0.0, 100.0);
    m_io->setDecimals(1);
    m_io->setSingleStep(0.5);
    m_ioLabel = new QLabel(this);
    m_ioLabel->setBuddy(m_io);
    form->addRow(m_ioLabel, m_io);

    m_apply = new QPushButton(this);
    m_apply->setObjectName(QStringLiteral("applyKnobsButton"));
    outer->addWidget(m_apply);
    connect(m_apply, &QPushButton::clicked, this,
            [this] { Q_EMIT applyRequested(m_concurrency->value(), m_io->value()); });

    // Not a variable: an event at the playhead (the knob restart=1 of sim/knobs.h).
    m_restart = new QPushButton(this);
    m_restart->setObjectName(QStringLiteral("restartServerButton"));
    outer->addWidget(m_restart);
    connect(m_restart, &QPushButton::clicked, this, &KnobsPanel::restartRequested);

    m_flavor = new QComboBox(this);
    m_flavor->setObjectName(QStringLiteral("flavorKnob"));
    m_flavorLabel = new QLabel(this);
    m_flavorLabel->setBuddy(m_flavor);
    auto *flavorForm = new QFormLayout;
    flavorForm->addRow(m_flavorLabel, m_flavor);
    outer->addLayout(flavorForm);
    connect(m_flavor, &QComboBox::activated, this,
            [this](int index) { Q_EMIT flavorRequested(m_flavor->itemData(index).toString()); });

    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(m_hint);

    m_changesTitle = new QLabel(this);
    QFont bold = m_changesTitle->font();
    bold.setBold(true);
    m_changesTitle->setFont(bold);
    outer->addWidget(m_changesTitle);
    m_changes = new QLabel(this);
    m_changes->setObjectName(QStringLiteral("changesLabel"));
    m_changes->setWordWrap(true);
    m_changes->setTextFormat(Qt::PlainText);
    outer->addWidget(m_changes);
    m_undo = new QPushButton(this);
    m_undo->setObjectName(QStringLiteral("undoChangesButton"));
    connect(m_undo, &QPushButton::clicked, this, &KnobsPanel::undoChangesRequested);
    outer->addWidget(m_undo);
    outer->addStretch(1);
    setChanges({});
    retranslateUi();
}

void KnobsPanel::setValues(int innodbThreadConcurrency, double ioPressure)
{
    m_concurrency->setValue(innodbThreadConcurrency);
    m_io->setValue(ioPressure);
}

void KnobsPanel::setFlavors(const QStringList &flavorIds, const QString &current)
{
    const QSignalBlocker blocker(m_flavor);
    m_flavor->clear();
    for (const QString &id : flavorIds)
        m_flavor->addItem(flavorName(id), id);
    m_flavor->setCurrentIndex(std::max(0, int(flavorIds.indexOf(current))));
}

void KnobsPanel::setConcurrencyAvailable(bool available)
{
    m_concurrency->setEnabled(available);
    m_concurrencyLabel->setEnabled(available);
    m_concurrency->setToolTip(available ? QString()
                                        : tr("MariaDB 10.6 and later have no InnoDB admission "
                                             "queue: the variable is ignored."));
}

void KnobsPanel::setChanges(const QStringList &lines)
{
    m_changeLines = lines;
    m_changesTitle->setVisible(!lines.isEmpty());
    m_changes->setVisible(!lines.isEmpty());
    m_undo->setVisible(!lines.isEmpty());
    m_changes->setText(lines.join(QLatin1Char('\n')));
}

int KnobsPanel::concurrency() const
{
    return m_concurrency->value();
}

double KnobsPanel::ioPressure() const
{
    return m_io->value();
}

QString KnobsPanel::flavor() const
{
    return m_flavor->currentData().toString();
}

QString KnobsPanel::flavorName(const QString &flavorId)
{
    if (flavorId == QStringLiteral("mysql-5.7"))
        return QStringLiteral("MySQL 5.7");
    if (flavorId == QStringLiteral("mysql-8.0"))
        return QStringLiteral("MySQL 8.0");
    if (flavorId == QStringLiteral("mariadb-10.11"))
        return QStringLiteral("MariaDB 10.11");
    return flavorId;
}

void KnobsPanel::retranslateUi()
{
    m_concurrencyLabel->setText(tr("innodb_&thread_concurrency"));
    m_concurrency->setToolTip(tr("InnoDB admission seats (0 = no queue). Raising it lets a queued "
                                 "thread in, and with it the thread that was killed."));
    m_ioLabel->setText(tr("I/O &pressure"));
    m_io->setToolTip(tr("Competing load on the disk: every I/O takes (1 + pressure) times longer. "
                        "Slows scans, rollbacks and temp-file cleanup."));
    m_apply->setText(tr("&Apply at playhead"));
    m_apply->setToolTip(tr("Runs SET GLOBAL at the playhead time and lets the run continue "
                           "from there."));
    m_restart->setText(tr("&Restart server at playhead"));
    m_restart->setToolTip(tr("kill -9 of the server and a start on the same data: every client "
                             "is dropped (ERROR 2013), crash recovery takes a few seconds, and "
                             "an unfinished rollback goes on in the background."));
    m_flavorLabel->setText(tr("Server &flavor"));
    m_flavor->setToolTip(
        tr("Re-runs the scenario on another server version, with the same kills."));
    m_hint->setText(tr("Changes apply at the playhead; what happened before stays as it was."));
    m_changesTitle->setText(tr("Your changes to this run"));
    m_undo->setText(tr("&Undo all"));
    m_undo->setToolTip(
        tr("Forget your kills and SET GLOBAL changes and re-run the scenario as written."));
}

void KnobsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace ks
