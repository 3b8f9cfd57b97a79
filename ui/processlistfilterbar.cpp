#include "processlistfilterbar.h"

#include "processlistfilter.h"
#include "processlistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSet>
#include <QSpinBox>

namespace ks {

ProcesslistFilterBar::ProcesslistFilterBar(ProcesslistFilterModel *filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
{
    setObjectName(QStringLiteral("processlistFilterBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);

    m_hideSleep = new QCheckBox(this);
    m_hideSleep->setObjectName(QStringLiteral("hideSleep"));
    m_hideSleep->setChecked(filter->hideSleep());
    connect(m_hideSleep, &QCheckBox::toggled, filter, &ProcesslistFilterModel::setHideSleep);
    m_hideSystem = new QCheckBox(this);
    m_hideSystem->setObjectName(QStringLiteral("hideSystem"));
    m_hideSystem->setChecked(filter->hideSystem());
    connect(m_hideSystem, &QCheckBox::toggled, filter, &ProcesslistFilterModel::setHideSystem);
    m_showOwn = new QCheckBox(this);
    m_showOwn->setObjectName(QStringLiteral("showOwn"));
    m_showOwn->setChecked(!filter->hideOwn());
    connect(m_showOwn, &QCheckBox::toggled, filter, [filter](bool on) { filter->setHideOwn(!on); });
    layout->addWidget(m_hideSleep);
    layout->addWidget(m_hideSystem);
    layout->addWidget(m_showOwn);

    static const char *const names[] = {"userFilter", "dbFilter", "hostFilter", "commandFilter",
                                        "stateFilter"};
    for (int i = 0; i < 5; ++i) {
        auto *c = new QComboBox(this);
        c->setObjectName(QString::fromLatin1(names[i]));
        c->setEditable(true);
        c->setInsertPolicy(QComboBox::NoInsert);
        c->setMinimumContentsLength(6);
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        connect(c, &QComboBox::editTextChanged, filter, [filter, i](const QString &text) {
            filter->setFieldFilter(ProcesslistFilterModel::Field(i), text);
        });
        m_pickers[i] = c;
        layout->addWidget(c);
    }
    m_minTime = new QSpinBox(this);
    m_minTime->setObjectName(QStringLiteral("minTimeFilter"));
    m_minTime->setRange(0, 7 * 24 * 3600);
    m_minTime->setValue(filter->minTimeS());
    connect(m_minTime, &QSpinBox::valueChanged, filter, &ProcesslistFilterModel::setMinTimeS);
    layout->addWidget(m_minTime);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("statementSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(180);
    connect(m_search, &QLineEdit::textChanged, filter, &ProcesslistFilterModel::setSearchText);
    layout->addWidget(m_search, 1);
    retranslateUi();
}

void ProcesslistFilterBar::retranslateUi()
{
    m_hideSleep->setText(tr("Hide Sleep"));
    m_hideSystem->setText(tr("Hide system threads"));
    m_showOwn->setText(tr("Show KillScope's own"));
    m_showOwn->setToolTip(tr("KillScope's sampler and kill connections (hidden by default)"));
    const QString placeholders[] = {tr("user"), tr("db"), tr("host"), tr("command"), tr("state")};
    for (int i = 0; i < 5; ++i) {
        m_pickers[i]->lineEdit()->setPlaceholderText(placeholders[i]);
        m_pickers[i]->setToolTip(
            tr("Show only rows whose %1 contains this text").arg(placeholders[i]));
    }
    m_search->setPlaceholderText(tr("Search statements or an id…"));
    m_minTime->setPrefix(tr("time > "));
    m_minTime->setSuffix(tr(" s"));
    m_minTime->setSpecialValueText(tr("any time"));
    m_minTime->setToolTip(tr("Show only sessions longer than this in their current state"));
}

void ProcesslistFilterBar::updateChoices()
{
    ProcesslistModel *model = m_filter->processlistModel();
    if (!model)
        return;
    // Views into the model's rows (which do not change meanwhile): thousands of sessions share
    // a few values, and no string is copied for each of them.
    // A value the row before had (the sampler shares equal texts) is not hashed again.
    QSet<QStringView> values[5];
    const ProcesslistRow *before = nullptr;
    auto add = [&](int i, const QString &now, const QString *was) {
        if (!was || !now.isSharedWith(*was) || now.size() != was->size())
            values[i].insert(now);
    };
    for (const ProcesslistRow &r : model->rows()) {
        add(0, r.user, before ? &before->user : nullptr);
        add(1, r.db, before ? &before->db : nullptr);
        const qsizetype colon = r.host.indexOf(u':');
        values[2].insert(colon < 0 ? QStringView(r.host) : QStringView(r.host).left(colon));
        add(3, r.command, before ? &before->command : nullptr);
        add(4, r.state, before ? &before->state : nullptr);
        before = &r;
    }
    for (int i = 0; i < 5; ++i) {
        QStringList list;
        list.reserve(values[i].size());
        for (QStringView v : std::as_const(values[i]))
            list << v.toString();
        list.removeAll(QString());
        list.sort(Qt::CaseInsensitive);
        list.prepend(QString());
        QComboBox *c = m_pickers[i];
        QStringList current;
        for (int k = 0; k < c->count(); ++k)
            current << c->itemText(k);
        if (current == list)
            continue;
        const QString text = c->currentText();
        const QSignalBlocker block(c);
        c->clear();
        c->addItems(list);
        c->setEditText(text);
    }
}

void ProcesslistFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace ks
