#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QThread;

namespace Topograph {
class Store;
}

namespace Topograph::Gui {

// Runs slow store work (verifying a 100,000-entry chain, writing a report) on its own thread
// with its own Store, because a Store and its SQL connection belong to the thread that opened
// them. The work fills whatever it captured; finished() arrives on the owner's thread once the
// work is done, so the owner may read those results there.
class StoreTask : public QObject
{
    Q_OBJECT
public:
    // store is null when the file could not be opened; openError then says why.
    using Work = std::function<void(Topograph::Store *store, const QString &openError)>;

    StoreTask(const QString &storePath, Work work, QObject *parent = nullptr);
    // Waits for the work: a thread may not outlive its QThread object.
    ~StoreTask() override;

    void start();
    bool isRunning() const;

signals:
    void finished();

private:
    QThread *m_thread;
};

} // namespace Topograph::Gui
