package io.noticemailer.progress;

/** Where a run's progress is shown: a live bar on a terminal, log lines elsewhere, or nowhere (--quiet). */
interface ProgressDisplay {

    void show(Progress progress);

    /** The last state, once the run has ended. */
    void finish(Progress progress);

    ProgressDisplay NONE = new ProgressDisplay() {
        @Override
        public void show(Progress progress) {
        }

        @Override
        public void finish(Progress progress) {
        }
    };
}
