# R's survey package on the very file Tandem imported: a KoboToolbox export with semicolons,
# decimal commas and group-prefixed columns. The share answering trust == "yes" among those who
# answered, overall and by gender, each a domain of the whole design, by logit and beta.
suppressMessages(library(survey))
f <- commandArgs(trailingOnly = TRUE)[1]
d <- read.csv2(f, check.names = FALSE, colClasses = "character", na.strings = "")
d$w <- as.numeric(sub(",", ".", d$weight))
d$s <- d[["group_a/district"]]
d$c <- d[["group_a/village"]]
d$g <- d[["group_b/gender"]]
d$ans <- !is.na(d$trust)
d$y <- as.numeric(d$ans & d$trust == "yes")
des <- svydesign(ids = ~c, strata = ~s, weights = ~w, nest = TRUE, data = d)
one <- function(design, group) {
  rows <- NULL
  for (m in c("logit", "beta")) {
    ci <- svyciprop(~I(y == 1), design, method = m)
    rows <- rbind(rows, data.frame(group = group, method = m, proportion = as.numeric(ci),
      se = sqrt(as.numeric(attr(ci, "var"))), ci_low = as.numeric(attr(ci, "ci")[1]),
      ci_high = as.numeric(attr(ci, "ci")[2])))
  }
  rows
}
out <- one(subset(des, ans), "all")
for (val in sort(unique(na.omit(d$g)))) out <- rbind(out, one(subset(des, ans & !is.na(g) & g == val), val))
write.csv(out, stdout(), row.names = FALSE)
