#include "theme.h"

namespace ks {

namespace {

QColor mix(const QColor &a, const QColor &b, double f)
{
    return QColor::fromRgbF(float(a.redF() * (1 - f) + b.redF() * f),
                            float(a.greenF() * (1 - f) + b.greenF() * f),
                            float(a.blueF() * (1 - f) + b.blueF() * f));
}

double luminance(const QColor &c)
{
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
}

} // namespace

Theme::Theme(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Base);
    m_dark = luminance(window) < 0.45;
    m_background = window;
    m_text = palette.color(QPalette::Text);
    m_muted = mix(m_text, window, 0.45);

    // Hues keep their meaning in both palettes: warm = waiting on someone, red = undoing work,
    // blue = I/O, green = doing work, greys = nothing happening. Dark mode lifts the fills a
    // little less so they do not glare.
    struct Pair
    {
        SegmentState state;
        const char *light;
        const char *dark;
    };
    static const Pair pairs[] = {
        {SegmentState::Running, "#3f9c5a", "#4fae6a"},
        {SegmentState::RowLockWait, "#ec8b2e", "#e3913f"},
        {SegmentState::MdlWait, "#8d6acb", "#9d7fd6"},
        {SegmentState::TableLockWait, "#d3aa1f", "#cfae3c"},
        {SegmentState::QueueSleep, "#c4356b", "#d5527f"},
        {SegmentState::IoWait, "#3b7dc4", "#4f8fd3"},
        {SegmentState::SendingToClient, "#22a3a0", "#33b3ae"},
        {SegmentState::Idle, "#b9c0c9", "#59616c"},
        {SegmentState::RollingBack, "#d9412f", "#e45a49"},
        {SegmentState::Cleanup, "#9c6b47", "#b08159"},
        {SegmentState::Gone, "#6c737d", "#7b838e"},
        {SegmentState::Connecting, "#82b5e3", "#5f8fbd"},
        {SegmentState::ClientWaiting, "#a9c9ea", "#3f5f80"},
        {SegmentState::ClientPrompt, "#d9dee4", "#464c55"},
        {SegmentState::ClientError, "#e0524f", "#d8504d"},
        {SegmentState::ClientDisconnected, "#7c838c", "#6b727c"},
    };
    for (const Pair &p : pairs) {
        const QColor c(QLatin1String(m_dark ? p.dark : p.light));
        m_state[size_t(p.state)] = c;
        m_stateRgb[size_t(p.state)] = c.rgba();
        m_textOn[size_t(p.state)] =
            luminance(c) > 0.55 ? QColor(0x1d, 0x21, 0x27) : QColor(Qt::white);
    }

    m_laneEven = window;
    m_laneOdd = mix(window, m_text, m_dark ? 0.04 : 0.025);
    m_laneClient = mix(window, m_text, m_dark ? 0.07 : 0.045);
    m_axisBackground = mix(window, m_text, m_dark ? 0.10 : 0.06);
    m_grid = mix(window, m_text, m_dark ? 0.16 : 0.10);
    m_separator = mix(window, m_text, m_dark ? 0.30 : 0.22);
    m_killFlag = m_dark ? QColor(0xff, 0xd4, 0x3b) : QColor(0xf6, 0xc3, 0x1c);
    m_killed = m_dark ? QColor(0xff, 0x6b, 0x5e) : QColor(0xb3, 0x1d, 0x12);
    m_playhead = m_dark ? QColor(0xff, 0x4f, 0x9a) : QColor(0xd1, 0x1f, 0x6e);
    m_selection = palette.color(QPalette::Highlight);
    m_hover = m_dark ? QColor(Qt::white) : QColor(0x11, 0x14, 0x18);
    m_checkPoint = m_dark ? QColor(0xf0, 0xf0, 0xf0) : QColor(0x10, 0x3a, 0x1e);
    m_rollbackRemaining = m_dark ? QColor(0x8e, 0x1b, 0x10) : QColor(0x9c, 0x1c, 0x10);
    // Server-wide changes: a blue no lane state uses, readable with white text.
    m_globalAction = m_dark ? QColor(0x3d, 0x6f, 0xd1) : QColor(0x24, 0x52, 0xb0);
}

QColor Theme::signalColor(SignalKind k) const
{
    switch (k) {
    case SignalKind::KillQuery:
        return m_dark ? QColor(0xff, 0x9f, 0x43) : QColor(0xd9, 0x5f, 0x02);
    case SignalKind::KillConnection:
        return m_dark ? QColor(0xff, 0x5c, 0x5c) : QColor(0xb8, 0x10, 0x2a);
    case SignalKind::CtrlC:
        return m_dark ? QColor(0x6e, 0xb6, 0xff) : QColor(0x1f, 0x5f, 0xbf);
    case SignalKind::Timeout:
        return m_dark ? QColor(0xc3, 0x9b, 0xff) : QColor(0x6a, 0x3d, 0xb8);
    case SignalKind::Disconnect:
    case SignalKind::Other:
        break;
    }
    return m_muted;
}

QColor Theme::markerColor(MarkerKind k) const
{
    switch (k) {
    case MarkerKind::FlagNoticed:
        return m_killFlag;
    case MarkerKind::ErrorShown:
        return stateColor(SegmentState::ClientError);
    case MarkerKind::CheckPoint:
        return m_checkPoint;
    case MarkerKind::Gone:
        return m_text;
    case MarkerKind::GlobalAction:
        return m_globalAction;
    case MarkerKind::Note:
        break;
    }
    return m_muted;
}

QString Theme::stateName(SegmentState s)
{
    switch (s) {
    case SegmentState::Running:
        return tr("Running");
    case SegmentState::RowLockWait:
        return tr("Row-lock wait");
    case SegmentState::MdlWait:
        return tr("Metadata-lock wait");
    case SegmentState::TableLockWait:
        return tr("Table-lock wait");
    case SegmentState::QueueSleep:
        return tr("InnoDB queue sleep");
    case SegmentState::IoWait:
        return tr("I/O wait");
    case SegmentState::SendingToClient:
        return tr("Sending to client");
    case SegmentState::Idle:
        return tr("Idle");
    case SegmentState::RollingBack:
        return tr("Rolling back");
    case SegmentState::Cleanup:
        return tr("Cleanup");
    case SegmentState::Gone:
        return tr("Gone");
    case SegmentState::Connecting:
        return tr("Connecting");
    case SegmentState::ClientWaiting:
        return tr("Client waiting");
    case SegmentState::ClientPrompt:
        return tr("Client prompt");
    case SegmentState::ClientError:
        return tr("Client shows error");
    case SegmentState::ClientDisconnected:
        return tr("Disconnected");
    }
    return {};
}

QString Theme::stateDescription(SegmentState s)
{
    switch (s) {
    case SegmentState::Running:
        return tr("Executing the statement. Row loops pass a kill check point at every row.");
    case SegmentState::RowLockWait:
        return tr("Waiting for an InnoDB row lock held by another transaction. The wait is "
                  "wakeable: a kill is noticed at once.");
    case SegmentState::MdlWait:
        return tr("Waiting for a metadata lock (DDL or LOCK TABLES). The wait is wakeable: a kill "
                  "is noticed at once.");
    case SegmentState::TableLockWait:
        return tr("Waiting for a table lock. The wait is wakeable: a kill is noticed at once.");
    case SegmentState::QueueSleep:
        return tr("Waiting for an InnoDB seat (innodb_thread_concurrency). In MySQL 5.7 this sleep "
                  "never checks the kill flag.");
    case SegmentState::IoWait:
        return tr("Inside an I/O call. The kill flag is only looked at when the call returns.");
    case SegmentState::SendingToClient:
        return tr("Blocked writing a result to a client that does not read. The kill is noticed "
                  "only when the write returns or net_write_timeout expires.");
    case SegmentState::Idle:
        return tr("Connected, no statement running (Sleep). KILL QUERY here changes nothing.");
    case SegmentState::RollingBack:
        return tr("Undoing the rows the statement or transaction changed. Rollback cannot be "
                  "interrupted; the processlist shows Killed meanwhile.");
    case SegmentState::Cleanup:
        return tr("Finishing after the kill: deleting temporary files, cleaning DDL leftovers.");
    case SegmentState::Gone:
        return tr("The thread has left the processlist.");
    case SegmentState::Connecting:
        return tr("Connecting: handshake and authentication.");
    case SegmentState::ClientWaiting:
        return tr("The client sent a statement and waits for the result.");
    case SegmentState::ClientPrompt:
        return tr("The client is at its prompt.");
    case SegmentState::ClientError:
        return tr("The client shows an error.");
    case SegmentState::ClientDisconnected:
        return tr("The client's connection is closed.");
    }
    return {};
}

QString Theme::killPendingName()
{
    return tr("Kill flag set, not yet noticed");
}

QString Theme::killPendingDescription()
{
    return tr("KILL has set the victim's kill flag, but the thread has not reached a check point "
              "yet, so it keeps doing what it was doing.");
}

QString Theme::signalKindName(SignalKind k)
{
    switch (k) {
    case SignalKind::KillQuery:
        return tr("KILL QUERY");
    case SignalKind::KillConnection:
        return tr("KILL CONNECTION");
    case SignalKind::CtrlC:
        return tr("Ctrl+C");
    case SignalKind::Timeout:
        return tr("Timeout");
    case SignalKind::Disconnect:
        return tr("Client disconnect");
    case SignalKind::Other:
        break;
    }
    return tr("Signal");
}

QString Theme::signalResultName(SignalResult r)
{
    switch (r) {
    case SignalResult::Pending:
        return tr("waiting for the answer");
    case SignalResult::Ok:
        return tr("Query OK: the flag is set");
    case SignalResult::Refused:
        return tr("refused");
    case SignalResult::NoSuchThread:
        return tr("no such thread");
    }
    return {};
}

QString Theme::markerName(MarkerKind k)
{
    switch (k) {
    case MarkerKind::FlagNoticed:
        return tr("Kill flag noticed");
    case MarkerKind::ErrorShown:
        return tr("Error shown");
    case MarkerKind::CheckPoint:
        return tr("Check point");
    case MarkerKind::Gone:
        return tr("Thread gone");
    case MarkerKind::GlobalAction:
        return tr("Server-wide change");
    case MarkerKind::Note:
        break;
    }
    return tr("Note");
}

} // namespace ks
