#pragma once

// Helpers of the operator views' tests (tst_ui_views, tst_ui_triage).

#include "views/IncidentsView.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>

// Refreshes an operator view and waits until a snapshot read after this call is applied. A read
// already on its way (started by the view's own refresh after an action) may finish first, with
// the view re-reading at once: so wait until the view is idle, not for the first `refreshed`.
template <typename View> void load(View &view)
{
    QSignalSpy spy(&view, &View::refreshed);
    view.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty() && !view.isLoading(), 10'000);
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
