#pragma once

#include "model/topologysnapshot.h"
#include "recovery/policy.h"

#include <QHash>
#include <QIcon>
#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QTimer;
class QWidget;

namespace Topograph {
class Store;
}

namespace Topograph::Gui {

// The global AutoFailover switch as a heart: lit (filled red) when Topograph may recover on its
// own, an outline when it only detects and reports. Turning it on asks once, naming the clusters
// RecoverMasterClusterFilters covers and those it does not; turning it off never nags (it is the
// safe direction). The state lives in the store, where the Engine reads it every second, so the
// toggle writes there (audited under the person's user@host) and reads it back, because a CLI
// sharing the store may change it too.
class AutoFailoverToggle : public QObject
{
    Q_OBJECT
public:
    // Returns true to go ahead. The default shows a modal question over the parent widget.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;

    explicit AutoFailoverToggle(QWidget *parent = nullptr);
    ~AutoFailoverToggle() override;

    // Opens the toggle's own Store (one per thread: this is the GUI thread's). Until then the
    // action is disabled.
    bool setStorePath(const QString &path, QString *error = nullptr);
    // The fleet the confirmation and status text describe.
    void setFleet(TopologySnapshotPtr snapshot, const QHash<QString, QString> &aliases = {});
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    QAction *action() const { return m_action; }
    bool isOn() const { return m_on; }
    Policy policy() const { return m_policy; }
    // For a QLabel in the status bar: "Auto-failover ON: 2 of 3 clusters covered".
    QString statusText() const;
    QString lastError() const { return m_error; }
    // What turning it on asks; empty list of filters said plainly.
    QString confirmationText() const;

    // Turning on asks first. Returns whether the store now says what was asked for.
    bool setOn(bool on);
    // Re-reads the policy from the store; emits changed() when another process flipped it.
    void refresh();

signals:
    void changed(bool on);
    void statusTextChanged(const QString &text);
    void failed(const QString &message);

private:
    void updateAction();
    void setError(const QString &message);

    QWidget *m_parentWidget;
    QAction *m_action;
    QTimer *m_poll;
    std::unique_ptr<Store> m_store;
    Policy m_policy;
    bool m_on = false;
    QString m_error;
    QString m_lastStatus;
    TopologySnapshotPtr m_snapshot;
    QHash<QString, QString> m_aliases;
    Confirm m_confirm;
};

// Lit (On state) and outline (Off state) hearts for a checkable action.
QIcon heartIcon();

} // namespace Topograph::Gui
