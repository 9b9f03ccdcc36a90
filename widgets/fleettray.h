#pragma once

#include "analysis/analysis.h"
#include "recovery/recoveryexecutor.h"

#include <QIcon>
#include <QObject>

class QMenu;
class QSystemTrayIcon;

namespace Topograph::Gui {

// The fleet's health in the system tray, for a console kept minimised all day: the icon carries
// the worst state (colour and a glyph, never colour alone) and the tooltip says what is wrong; a
// desktop notification is shown when a problem is detected and when a recovery ends. Where the
// desktop has no tray, nothing is shown but the state is still kept (and tested).
class FleetTray : public QObject
{
    Q_OBJECT
public:
    enum class Health { Unknown, Healthy, Warning, Failing };

    explicit FleetTray(QObject *parent = nullptr);
    ~FleetTray() override;

    void setMenu(QMenu *menu);
    void apply(const QList<Analysis> &analyses, int instances, int clusters);
    void notifyDetected(const Analysis &analysis);
    void notifyRecovery(const QString &cluster, const RecoveryOutcome &outcome);
    void setNotificationsEnabled(bool on) { m_notify = on; }

    Health health() const { return m_health; }
    QString toolTip() const { return m_toolTip; }
    QIcon icon() const { return m_icon; }
    // The last notification, for tests and for the status bar.
    QString lastNotificationTitle() const { return m_lastTitle; }
    QString lastNotificationText() const { return m_lastText; }
    bool trayAvailable() const;

    static QIcon iconFor(Health health);

signals:
    void activated(); // the tray icon was clicked: show the window

private:
    void notify(const QString &title, const QString &text, bool critical);

    QSystemTrayIcon *m_tray = nullptr;
    Health m_health = Health::Unknown;
    QString m_toolTip;
    QIcon m_icon;
    QString m_lastTitle, m_lastText;
    bool m_notify = true;
};

} // namespace Topograph::Gui
