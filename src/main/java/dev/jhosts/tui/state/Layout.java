package dev.jhosts.tui.state;

/**
 * Where each part of the screen goes, top to bottom: header, filter line, host list, status
 * pane, details, status line, footer. Small screens drop parts in this order of importance:
 * the list and the filter line stay longest, then the footer, header, status line, details,
 * and the status pane.
 */
public record Layout(Band header, Band filter, Band list, Band pane, Band details, Band status, Band footer) {
    /** Rows of the details area: a rule and three lines (options, master, probe). */
    public static final int DETAILS_ROWS = 4;
    /** At most this many master rows are shown at once in the status pane. */
    public static final int PANE_MAX_ROWS = 6;

    /** The layout for a state: its size, and the status pane when it is visible. */
    public static Layout of(ViewState state) {
        MasterPane pane = state.pane();
        return of(state.size(), pane.visible() ? WorkUpdate.paneRows(state) : -1);
    }

    /** {@code paneRows} is the number of masters to list, or negative when the pane is hidden. */
    public static Layout of(ScreenSize size, int paneRows) {
        Budget budget = new Budget(size.rows());
        int list = budget.take(1);
        int filter = budget.take(1);
        int footer = budget.take(1);
        int header = budget.take(1);
        int status = budget.take(1);
        list += budget.take(2);
        int details = budget.remaining() >= DETAILS_ROWS ? budget.take(DETAILS_ROWS) : 0;
        int pane = 0;
        if (paneRows >= 0 && budget.remaining() >= 2) {
            pane = budget.take(1 + Math.min(Math.max(1, paneRows), PANE_MAX_ROWS));
        }
        list += budget.take(budget.remaining());

        int row = 0;
        Band headerBand = new Band(row, header);
        row += header;
        Band filterBand = new Band(row, filter);
        row += filter;
        Band listBand = new Band(row, list);
        row += list;
        Band paneBand = new Band(row, pane);
        row += pane;
        Band detailsBand = new Band(row, details);
        row += details;
        Band statusBand = new Band(row, status);
        row += status;
        Band footerBand = new Band(row, footer);
        return new Layout(headerBand, filterBand, listBand, paneBand, detailsBand, statusBand, footerBand);
    }

    /** Rows left to hand out. */
    private static final class Budget {
        private int left;

        Budget(int rows) {
            left = rows;
        }

        int take(int wanted) {
            int given = Math.max(0, Math.min(wanted, left));
            left -= given;
            return given;
        }

        int remaining() {
            return left;
        }
    }
}
