package org.launchbench.optim;

import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed sparse rows: the form in which {@link SocpSolver} works, and in which a
 * large structured program (a discretised trajectory: a few nonzeros a row) is best given, through a {@link Builder}
 * or {@link #fromDense}.
 */
public final class SparseMatrix {

    final int rows;
    final int columns;
    /** Row i's entries are start[i] ≤ k < start[i + 1], by increasing column, no zeros. */
    final int[] start;
    final int[] column;
    final double[] value;

    private SparseMatrix(int rows, int columns, int[] start, int[] column, double[] value) {
        this.rows = rows;
        this.columns = columns;
        this.start = start;
        this.column = column;
        this.value = value;
    }

    /**
     * @param dense   row-major entries
     * @param columns the column count (for a matrix without rows)
     * @return its nonzeros
     * @throws IllegalArgumentException when a row's length is not columns
     */
    public static SparseMatrix fromDense(double[][] dense, int columns) {
        int rows = dense.length;
        int[] start = new int[rows + 1];
        int[] column = new int[16];
        double[] value = new double[16];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            double[] row = dense[i];
            if (row.length != columns) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " columns, not " + columns);
            }
            for (int j = 0; j < columns; j++) {
                if (row[j] != 0) {
                    if (k == column.length) {
                        column = Arrays.copyOf(column, 2 * k);
                        value = Arrays.copyOf(value, 2 * k);
                    }
                    column[k] = j;
                    value[k++] = row[j];
                }
            }
            start[i + 1] = k;
        }
        return new SparseMatrix(rows, columns, start, Arrays.copyOf(column, k), Arrays.copyOf(value, k));
    }

    /** @return the rows of top, then those of bottom (the same column count) */
    public static SparseMatrix stack(SparseMatrix top, SparseMatrix bottom) {
        if (top.columns != bottom.columns) {
            throw new IllegalArgumentException(top.columns + " columns on top, " + bottom.columns + " below");
        }
        int nz = top.column.length;
        int[] start = Arrays.copyOf(top.start, top.rows + bottom.rows + 1);
        for (int i = 1; i <= bottom.rows; i++) {
            start[top.rows + i] = nz + bottom.start[i];
        }
        int[] column = Arrays.copyOf(top.column, nz + bottom.column.length);
        System.arraycopy(bottom.column, 0, column, nz, bottom.column.length);
        double[] value = Arrays.copyOf(top.value, nz + bottom.value.length);
        System.arraycopy(bottom.value, 0, value, nz, bottom.value.length);
        return new SparseMatrix(top.rows + bottom.rows, top.columns, start, column, value);
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns */
    public int columns() {
        return columns;
    }

    /** @return the number of (nonzero) entries */
    public int nonzeros() {
        return column.length;
    }

    /** @return the entry at (i, j) */
    public double get(int i, int j) {
        int k = Arrays.binarySearch(column, start[i], start[i + 1], j);
        return k >= 0 ? value[k] : 0;
    }

    /** @return the matrix as dense rows */
    public double[][] toDense() {
        double[][] dense = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int k = start[i]; k < start[i + 1]; k++) {
                dense[i][column[k]] = value[k];
            }
        }
        return dense;
    }

    /** out = alpha · M x + beta · out */
    void times(double alpha, double[] x, double beta, double[] out) {
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                s += value[k] * x[column[k]];
            }
            out[i] = alpha * s + beta * out[i];
        }
    }

    /** out += alpha · Mᵀ y */
    void transposeTimesAdd(double alpha, double[] y, double[] out) {
        for (int i = 0; i < rows; i++) {
            double f = alpha * y[i];
            if (f != 0) {
                for (int k = start[i]; k < start[i + 1]; k++) {
                    out[column[k]] += value[k] * f;
                }
            }
        }
    }

    /** Builds a matrix row by row: {@link #row()}, then that row's entries by {@link #add} (repeats are summed). */
    public static final class Builder {
        private final int columns;
        private int rows;
        private int[] start = new int[64];
        private int[] column = new int[256];
        private double[] value = new double[256];
        private int count;

        /** @param columns the column count */
        public Builder(int columns) {
            this.columns = columns;
        }

        /** Starts a new row. @return this */
        public Builder row() {
            if (rows + 2 > start.length) {
                start = Arrays.copyOf(start, 2 * start.length);
            }
            rows++;
            start[rows] = count;
            return this;
        }

        /**
         * Adds to the current row's entry in a column.
         *
         * @return this
         * @throws IllegalStateException     before the first row
         * @throws IndexOutOfBoundsException for a column outside the matrix
         */
        public Builder add(int col, double v) {
            if (rows == 0) {
                throw new IllegalStateException("no row yet");
            }
            if (col < 0 || col >= columns) {
                throw new IndexOutOfBoundsException("column " + col + " of " + columns);
            }
            if (count == column.length) {
                column = Arrays.copyOf(column, 2 * count);
                value = Arrays.copyOf(value, 2 * count);
            }
            column[count] = col;
            value[count++] = v;
            start[rows] = count;
            return this;
        }

        /** @return the rows so far */
        public int rows() {
            return rows;
        }

        /** @return the matrix: each row's entries sorted by column, repeats summed, zeros dropped */
        public SparseMatrix build() {
            int[] s = new int[rows + 1];
            int[] c = new int[count];
            double[] v = new double[count];
            int k = 0;
            for (int i = 0; i < rows; i++) {
                int from = start[i];
                int to = start[i + 1];
                int rowStart = k;
                for (int e = from; e < to; e++) {
                    // insertion into the row's sorted entries (rows are short), summing a repeated column
                    int col = column[e];
                    int p = k;
                    while (p > rowStart && c[p - 1] > col) {
                        p--;
                    }
                    if (p > rowStart && c[p - 1] == col) {
                        v[p - 1] += value[e];
                    } else {
                        System.arraycopy(c, p, c, p + 1, k - p);
                        System.arraycopy(v, p, v, p + 1, k - p);
                        c[p] = col;
                        v[p] = value[e];
                        k++;
                    }
                }
                // drop entries that summed to zero
                int w = rowStart;
                for (int e = rowStart; e < k; e++) {
                    if (v[e] != 0) {
                        c[w] = c[e];
                        v[w++] = v[e];
                    }
                }
                k = w;
                s[i + 1] = k;
            }
            return new SparseMatrix(rows, columns, s, Arrays.copyOf(c, k), Arrays.copyOf(v, k));
        }
    }
}
