/**
 * What every LaunchBench engine shares.
 *
 * <h2>Errors</h2>
 * A mistake the user can fix (a bad file, an impossible orbit, an out-of-range option) is an
 * {@link org.launchbench.core.InvalidInputException}: it names the source (file or option), the element, the
 * offending value, the allowed range and what to do, and front ends show its {@link
 * org.launchbench.core.LaunchBenchException#userMessage() one-line message} without a stack trace (exit code 2
 * on the command line). A computation that ran but could not deliver (a solver that did not converge, a
 * missing data file) is a {@link org.launchbench.core.RunFailedException} (exit code 1). Anything else is a bug.
 *
 * <h2>Progress and cancellation</h2>
 * Every long computation takes an {@link org.eclipse.core.runtime.IProgressMonitor} (which may be
 * {@code null}), converts it once with {@link org.eclipse.core.runtime.SubMonitor#convert(org.eclipse.core.runtime.IProgressMonitor,
 * String, int)}, and calls {@link org.eclipse.core.runtime.SubMonitor#split(int)} for each unit of work:
 * {@code split} throws {@link org.eclipse.core.runtime.OperationCanceledException} when the user cancelled,
 * so a cancelled run stops within one unit of work and returns no partial result. Results are immutable.
 *
 * <h2>Orekit data</h2>
 * {@link org.launchbench.core.OrekitData} gives the Orekit {@link org.orekit.data.DataContext} that engines pass
 * explicitly to Orekit (never the hidden default context): the data shipped in this bundle, or a user's
 * orekit-data folder named by {@value org.launchbench.core.OrekitData#FOLDER_PROPERTY} or
 * {@value org.launchbench.core.OrekitData#FOLDER_VARIABLE}.
 */
package org.launchbench.core;
