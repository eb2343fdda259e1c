/** Strict JSON reading for LaunchBench's input files, with errors in the user's terms. */
package org.launchbench.core.json;
