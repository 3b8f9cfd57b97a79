#pragma once

#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QSplitter;
class QTableView;

namespace ks {

// The one main window. It owns the panels and the menus; what they show comes from a
// SessionSource through the model layer.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    QString aboutText() const;

public Q_SLOTS:
    void showAbout();

protected:
    void changeEvent(QEvent *event) override;

private:
    void createMenus();
    void retranslateUi();

    QSplitter *m_splitter = nullptr;
    QWidget *m_swimlaneArea = nullptr;
    QTableView *m_processlistView = nullptr;
    QLabel *m_statusLabel = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
};

} // namespace ks
