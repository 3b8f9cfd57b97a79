#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace ks {

// One explanation step of a run: shown from its time until the next step's time.
struct NarrationStep
{
    qint64 atUs = 0;
    QString en;
    QString zhCN;
    bool unverified = false; // models something the reference marks UNVERIFIED
    qint64 sessionId = 0;    // the session it is about; 0 = none
};

// The narration of a run: its steps in time order, the one current at the playhead, in English
// or Simplified Chinese.
//
// Invariants: steps are sorted by atUs (setSteps sorts stably); currentRow() is the last step
// with atUs <= playhead, or -1 before the first; currentChanged fires only when that row changes.
class NarrationModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        TimeUsRole = Qt::UserRole + 1,
        EnglishRole,
        ChineseRole,
        CurrentRole,
        UnverifiedRole,
        SessionRole,
    };

    explicit NarrationModel(QObject *parent = nullptr);

    void setSteps(QList<NarrationStep> steps);
    const QList<NarrationStep> &steps() const { return m_steps; }

    // "en" or "zh_CN" (anything starting with "zh" counts as Chinese).
    void setLanguage(const QString &language);
    QString language() const { return m_language; }

    // Prefix each step in the list with its time ("3.000 s  …", TimeFormat); currentText() never
    // has it.
    void setShowTimes(bool on);

    void setPlayhead(qint64 us);
    qint64 playhead() const { return m_playheadUs; }
    int currentRow() const { return m_current; }
    QString currentText() const;
    // For captions (presentation mode, slides): the latest step at the playhead that is not a
    // modelling caveat, and the caveat (an UNVERIFIED step) that came with or after it, which a
    // caption shows as a small footnote instead of as its text. -1 / empty when there is none.
    int captionRow() const;
    int caveatRow() const;
    QString captionText() const { return textAt(captionRow()); }
    QString caveatText() const { return textAt(caveatRow()); }
    QString textAt(int row) const;
    // The step starting after / before the playhead, for keyboard stepping; -1 if none.
    qint64 nextStepTime(qint64 fromUs) const;
    qint64 previousStepTime(qint64 fromUs) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void currentChanged(int row);

private:
    int rowAt(qint64 us) const;

    QList<NarrationStep> m_steps;
    QString m_language = QStringLiteral("en");
    qint64 m_playheadUs = 0;
    int m_current = -1;
    bool m_showTimes = false;
};

} // namespace ks
