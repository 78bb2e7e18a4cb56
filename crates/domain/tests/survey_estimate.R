# Estimates by R's survey package for Tandem's comparison: for each design file given, the share
# of y == 1 overall and in each group g, by logit and beta, with the design effect.
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
out <- NULL
for (f in args) {
  d <- read.csv(f, colClasses = c(strata = "character", cluster = "character", g = "character"))
  des <- svydesign(ids = ~cluster, strata = ~strata, weights = ~weight, nest = TRUE, data = d)
  one <- function(design, group) {
    rows <- NULL
    for (m in c("logit", "beta")) {
      ci <- svyciprop(~I(y == 1), design, method = m)
      mn <- svymean(~as.numeric(y == 1), design, deff = "replace")
      rows <- rbind(rows, data.frame(file = basename(f), group = group, method = m,
        proportion = as.numeric(ci), se = sqrt(as.numeric(attr(ci, "var"))),
        ci_low = as.numeric(attr(ci, "ci")[1]), ci_high = as.numeric(attr(ci, "ci")[2]),
        design_effect = as.numeric(deff(mn))[1], n = nrow(design)))
    }
    rows
  }
  out <- rbind(out, one(des, "all"))
  for (val in sort(unique(d$g))) out <- rbind(out, one(subset(des, g == val), val))
}
write.csv(out, stdout(), row.names = FALSE)
