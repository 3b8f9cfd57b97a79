#include "killmatchingdialog.h"

#include "processlistfilter.h"
#include "timeformat.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ks {

KillMatchingDialog::KillMatchingDialog(const ProcesslistFilterModel *criteria, RowsProvider rows,
                                       QWidget *parent)
    : QDialog(parent)
    , m_criteria(criteria)
    , m_rows(std::move(rows))
{
    setObjectName(QStringLiteral("killMatchingDialog"));
    setWindowTitle(tr("Kill Matching Sessions"));
    m_rule = new QLabel(this);
    m_rule->setObjectName(QStringLiteral("killMatchingRule"));
    m_rule->setWordWrap(true);
    m_rule->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("killMatchingKind"));
    m_kind->addItem(tr("KILL QUERY: stop their statements"), int(KillKind::Query));
    m_kind->addItem(tr("KILL CONNECTION: end their sessions"), int(KillKind::Connection));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &KillMatchingDialog::refresh);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("killMatchingSummary"));
    m_summary->setWordWrap(true);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("killMatchingTable"));
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels(
        {QStringLiteral("Id"), QStringLiteral("User"), QStringLiteral("Host"), QStringLiteral("db"),
         QStringLiteral("Command"), QStringLiteral("Time"), QStringLiteral("Info")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);

    auto *buttons = new QDialogButtonBox(this);
    m_kill = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_kill->setObjectName(QStringLiteral("killMatchingButton"));
    m_kill->setAutoDefault(false);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Rule (the processlist filter):"), m_rule);
    form->addRow(tr("Kill:"), m_kind);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(820, 440);
    refresh();
}

KillKind KillMatchingDialog::kind() const
{
    return KillKind(m_kind->currentData().toInt());
}

void KillMatchingDialog::setKind(KillKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

QString KillMatchingDialog::criteriaText() const
{
    return m_rule->text();
}

void KillMatchingDialog::refresh()
{
    const bool narrows = m_criteria->narrows();
    const QString rule = m_criteria->describe();
    m_rule->setText(rule.isEmpty() ? tr("(no criterion)") : rule);
    m_matching.clear();
    if (narrows) {
        for (const ProcesslistRow &r : m_rows()) {
            // Never KillScope's own, whatever the filter shows.
            if (!r.own && m_criteria->accepts(r))
                m_matching << r;
        }
    }
    m_table->setRowCount(int(m_matching.size()));
    for (int i = 0; i < m_matching.size(); ++i) {
        const ProcesslistRow &r = m_matching[i];
        const QStringList cells{QString::number(r.id),
                                r.user,
                                r.host,
                                r.db.isEmpty() ? QStringLiteral("NULL") : r.db,
                                r.command,
                                TimeFormat::duration(r.timeMs * 1000),
                                r.info.isEmpty() ? QStringLiteral("NULL") : r.info.simplified()};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    const int n = int(m_matching.size());
    if (!narrows)
        m_summary->setText(tr("Set a filter first (user, host, db, command, state, time > N or "
                              "text): Kill matching… never kills every session."));
    else
        m_summary->setText(tr("Dry run: %n session(s) match now; nothing has been sent. Kill asks "
                              "once more, with what each kill will do.",
                              nullptr, n));
    m_kill->setText(tr("Kill %n…", nullptr, n));
    m_kill->setEnabled(n > 0);
}

QString KillMatchingDialog::dryRunText() const
{
    QStringList lines;
    for (const ProcesslistRow &r : m_matching) {
        KillRequest req;
        req.target.id = r.id;
        req.kind = kind();
        lines << QStringLiteral("%1 -- %2@%3 %4 %5 %6")
                     .arg(killStatement(req), r.user, r.host, r.command,
                          TimeFormat::duration(r.timeMs * 1000), r.info.simplified().left(200));
    }
    return lines.join(u'\n');
}

} // namespace ks
