#pragma once

#include "credentials/credentialstore.h"

#include <QFuture>

namespace Topograph::Gui {

// Every keychain call of the GUI process runs on this one thread, which lives until the
// QCoreApplication is destroyed.
//
// Why one thread: QtKeychain's libsecret backend binds itself to the GLib main context of the
// thread that first uses it. Once that thread has exited, later calls from any thread wait out
// their timeout (or crash); with the first call on the GUI thread, calls from other threads
// crash. Measured with QtKeychain 0.13.2 / libsecret 0.20.5: write on thread A, A exits, read on
// thread B -> timeout; read on the GUI thread, then twice on a worker -> SIGSEGV; every call on
// one long-lived thread -> fine, also with other threads calling after it. Why not the GUI
// thread: a keychain that hangs (locked, no prompter) would freeze the window for the timeout.
//
// So in the GUI process never use CredentialStore directly: the dialogs submit() and continue
// with future.then(widget, ...), the engine's threads run().
class KeychainThread
{
public:
    enum class Operation { Read, Write, Remove };
    struct Request
    {
        Operation operation = Operation::Read;
        QString service;     // CredentialStore's service ("topograph")
        int timeoutMs = 0;   // 0 = CredentialStore's default
        QString account;     // "user@cluster"
        QString secret;      // Write only
    };

    // Queues the call; the future has exactly one result (an error result when the application
    // is already shutting down).
    static QFuture<CredentialResult> submit(const Request &request);
    // submit() and wait for it: blocks up to the request's timeout plus the calls queued before
    // it. Never on the GUI thread. On the keychain thread itself it runs the call directly.
    static CredentialResult run(const Request &request);
};

} // namespace Topograph::Gui
