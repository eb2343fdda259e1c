/**
 * Navigation, the flight software's first box: the state the guidance and control work from, estimated from the
 * sensors alone (the flight software never reads the truth), with its covariance.
 */
package org.launchbench.recovery.navigation;
