/**
 * Campaigns of independent runs (dispersions, trade sweeps) as plain data, so that they can be flown on another
 * machine: a {@link org.launchbench.campaign.CampaignDefinition} carries a campaign's input files by content, an engine's
 * {@link org.launchbench.campaign.CampaignWork} flies run i of it, and a {@link org.launchbench.campaign.ClusterCampaigns}
 * back end spreads the runs over the members of a cluster. No engine type crosses the wire: only bytes an engine encodes.
 */
package org.launchbench.campaign;
