// Every screen's CSS module, loaded once with the signed-in layout. Left per route, Next preloads a
// route's stylesheet when a nav link prefetches it, and Chromium warns ("preloaded but not used")
// when that route is not opened within a few seconds.
import '@/components/actions/actions.module.css';
import '@/components/common/lists.module.css';
import '@/components/dashboard/dashboard.module.css';
import '@/components/decisions/decisions.module.css';
import '@/components/goals/goal-detail.module.css';
import '@/components/issues/issues.module.css';
import '@/components/measures/measures.module.css';
import '@/components/shell/shell.module.css';
