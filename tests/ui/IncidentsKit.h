#pragma once

// Helpers of the operator views' tests (tst_ui_views, tst_ui_triage).

#include "views/IncidentsView.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>

// Refreshes an operator view and waits until the snapshot is applied.
template <typename View> void load(View &view)
{
    QSignalSpy spy(&view, &View::refreshed);
    view.refresh();
    QVERIFY(spy.wait(10'000));
}

// Resolve… (or Retry all) on the view's selection, answering `retries`: how many incidents it
// asked about; `ok` tells whether the action then finished without a refusal.
inline int resolveSelected(IncidentsView &view, int retries, bool *ok)
{
    int asked = 0;
    view.setAskRetries([&](int count, int *answer) {
        asked = count;
        *answer = retries;
        return true;
    });
    QSignalSpy done(&view, &IncidentsView::actionFinished);
    view.resolveAction()->trigger();
    *ok = done.wait(10'000) && done.first().first().toBool();
    return asked;
}
