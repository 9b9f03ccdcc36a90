#pragma once

#include "model/topologysnapshot.h"
#include "recovery/hookrunner.h"
#include "recovery/policy.h"

#include <QMap>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Topograph::Gui {

// Hooks per hook point, each a list of commands run WITHOUT a shell. A person types one command
// per row; QProcess::splitCommand() turns it into argv (double quotes group, """ is a literal
// quote) and the row shows the resulting arguments, so what runs is never a surprise. "Test hook"
// runs the selected command on a worker thread with a sample event from the fleet on screen.
class HookListEditor : public QWidget
{
    Q_OBJECT
public:
    explicit HookListEditor(QWidget *parent = nullptr);
    ~HookListEditor() override;

    void setHooks(const QMap<HookPoint, QList<QStringList>> &hooks);
    // Blank rows left out.
    QMap<HookPoint, QList<QStringList>> hooks() const;
    bool isValid() const;
    QString errorText() const; // the first problem, empty when valid

    // The event a test run describes (TOPOGRAPH_* variables); TOPOGRAPH_HOOK_TEST=1 is added.
    void setSampleContext(const HookContext &context);
    HookContext sampleContext(HookPoint point) const;
    void setTimeoutSeconds(int seconds) { m_timeoutSeconds = seconds; }

    HookPoint currentPoint() const;
    void selectPoint(HookPoint point);
    // Appends a command (as argv) to the current point and selects it.
    void addCommand(const QStringList &argv);
    void selectCommand(int row);
    QStringList currentCommand() const;

    // Starts a test of the selected command; false when nothing runnable is selected or a test
    // is still running.
    bool testCurrent();
    bool isTestRunning() const { return m_testRunning; }
    std::optional<HookResult> lastTestResult() const { return m_lastResult; }

    QListWidget *pointList() const { return m_points; }
    QListWidget *commandList() const { return m_commands; }
    QLineEdit *commandEditor() const { return m_editor; }
    QPushButton *testButton() const { return m_test; }
    QLabel *testResultLabel() const { return m_result; }
    QPlainTextEdit *testOutput() const { return m_output; }

signals:
    void changed();
    void testFinished();

private:
    struct Row
    {
        QString text;     // as typed
        QStringList argv; // what runs: split from text once edited, exact as loaded otherwise
    };

    void showPoint();
    void onCommandChanged();
    void onEdited(const QString &text);
    void removeCurrent();
    void moveCurrent(int delta);
    void updatePointLabels();
    void updateState();
    void showResult(const HookResult &result);
    Row *currentRow();
    const Row *currentRow() const;

    QMap<HookPoint, QList<Row>> m_rows;
    HookContext m_sample;
    int m_timeoutSeconds = 30;
    bool m_testRunning = false;
    std::optional<HookResult> m_lastResult;

    QListWidget *m_points;
    QListWidget *m_commands;
    QLineEdit *m_editor;
    QLabel *m_argv;
    QPushButton *m_add, *m_remove, *m_up, *m_down, *m_test;
    QLabel *m_sampleLabel;
    QLabel *m_result;
    QPlainTextEdit *m_output;
};

// One argv as a line QProcess::splitCommand() splits back into the same list.
QString joinCommandLine(const QStringList &argv);
// Whether a typed line leaves a double quote open (splitCommand would silently close it).
bool hasUnclosedQuote(const QString &line);
// A sample event from the fleet: the first cluster with a replica, its master as the failed
// server and its first replica as the successor.
HookContext sampleHookContext(const TopologySnapshot *snapshot, const QHash<QString, QString> &aliases);

} // namespace Topograph::Gui
