#include "mainwindow.h"

#include "killscope.h"
#include "language.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>

namespace ks {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/killscope.svg")));

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));

    m_swimlaneArea = new QWidget(m_splitter);
    m_swimlaneArea->setObjectName(QStringLiteral("swimlaneArea"));
    m_swimlaneArea->setMinimumHeight(200);

    m_processlistView = new QTableView(m_splitter);
    m_processlistView->setObjectName(QStringLiteral("processlistView"));
    m_processlistView->horizontalHeader()->setStretchLastSection(true);
    m_processlistView->setSelectionBehavior(QAbstractItemView::SelectRows);

    m_splitter->addWidget(m_swimlaneArea);
    m_splitter->addWidget(m_processlistView);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    setCentralWidget(m_splitter);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_statusLabel, 1);

    createMenus();
    retranslateUi();
    resize(1280, 800);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(this);
    for (const QString &lang : availableLanguages()) {
        // Each language is named in itself, so a user who cannot read the current one finds theirs.
        const QString label = lang == QStringLiteral("zh_CN") ? QStringLiteral("中文（简体）")
                                                               : QStringLiteral("English");
        QAction *action = m_languageMenu->addAction(label);
        action->setCheckable(true);
        action->setData(lang);
        action->setChecked(lang == currentLanguage());
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [lang] { switchLanguage(lang); });
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("KillScope"));
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About KillScope"));
    m_statusLabel->setText(tr("Ready"));
}

QString MainWindow::aboutText() const
{
    return tr("<h3>KillScope %1</h3>"
              "<p>Shows what really happens when someone runs KILL QUERY or KILL CONNECTION on "
              "MySQL or MariaDB: when the victim notices, what it still has to finish, and what "
              "each client sees.</p>")
        .arg(version());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About KillScope"), aboutText());
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

} // namespace ks
