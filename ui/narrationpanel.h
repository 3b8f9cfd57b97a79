#pragma once

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace ks {

class NarrationModel;

// The narration of the run: the step current at the playhead in large type, and the list of all
// steps (click a step's time to jump there). The list is rich text rather than an item view:
// word-wrapped paragraphs of different lengths are what a text browser lays out best.
class NarrationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit NarrationPanel(NarrationModel *model, QWidget *parent = nullptr);

    QString currentText() const;

Q_SIGNALS:
    void stepActivated(qint64 timeUs);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateCurrent();
    void rebuildList();
    void retranslateUi();

    NarrationModel *m_model;
    QLabel *m_title = nullptr;
    QLabel *m_current = nullptr;
    QTextBrowser *m_list = nullptr;
    QString m_html;
};

} // namespace ks
