#pragma once

#include <QWidget>

class QLabel;
class QListView;

namespace ks {

class NarrationModel;

// The narration of the run: the step current at the playhead in large type, and the list of all
// steps (click one to jump there).
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
    void retranslateUi();

    NarrationModel *m_model;
    QLabel *m_title = nullptr;
    QLabel *m_current = nullptr;
    QListView *m_list = nullptr;
};

} // namespace ks
