# Reference values of SegmentedRegressionTest (R 4.2, sandwich 3.0-2): Rscript segmented_regression.R
# from the project root; it reads the data arrays from the test source.
suppressMessages(library(sandwich))
src <- paste(readLines('src/test/java/io/socialkpi/stats/SegmentedRegressionTest.java'), collapse="\n")
arr <- function(name) {
  m <- regmatches(src, regexpr(paste0("static final double\\[\\] ", name, " =\\s*\\{[^}]*\\}"), src))
  v <- strsplit(sub(".*\\{", "", sub("\\}.*", "", m)), ",")[[1]]
  v <- trimws(v); as.numeric(ifelse(grepl("NaN", v), NA, v))
}
nw <- function(n) max(1, floor(4 * (n/100)^(2/9)))
lagrule <- function(e) { n <- length(e); rho <- sum(e[-1]*e[-n])/sum(e*e); rho <- max(-0.97, min(0.97, rho))
  a <- 4*rho^2/((1-rho)^2*(1+rho)^2); max(1, min(max(nw(n), floor(1.1447*(a*n)^(1/3))), n %/% 3)) }
fitv <- function(y, X) { f <- lm(y ~ X - 1); L <- lagrule(residuals(f)); V <- NeweyWest(f, lag = L, prewhite = TRUE, adjust = TRUE); list(f=f, L=L, V=V, b=unname(coef(f)), df=f$df.residual) }
P <- function(v) sprintf("%.17g", v)
# The interval is the decisive test's: the HAC error times the placebo inflation kappa.
show <- function(tag, r, k, kap = 1) { se <- sqrt(r$V[k,k]); t <- r$b[k]/se; cr <- qt(0.975, r$df)
  cat(tag, "L", r$L, "df", r$df, "est", P(r$b[k]), "se", P(se), "p", P(2*pt(-abs(t), r$df)), "ci", P(r$b[k]-cr*se*kap), P(r$b[k]+cr*se*kap),
      "placebo p", P(2*pt(-abs(t)/kap, r$df)), "\n") }
# Placebo inflation over rows (window indices w, response v, base design B(w, annual)): a fake step
# at the q-th row, fitted on the first q + len rows, len = max(4, history %/% 4), q from minPre.
kappa2 <- function(w, v, B, history, minPre, period = 0) { len <- max(4, history %/% 4); s <- 0; n <- 0
  for (q in minPre:(history - len)) { m <- q + len; ww <- w[1:m]
    annual <- period > 0 && (ww[m] - ww[1] + 1) >= floor(period)
    X <- cbind(B(ww, annual), as.numeric(ww >= w[q + 1]))
    r <- fitv(v[1:m], X); k <- ncol(X); tq <- r$b[k]/sqrt(r$V[k,k]); s <- s + tq^2/(r$df/(r$df-2)); n <- n + 1 }
  c(max(1, sqrt(s/n)), n) }
kappa <- function(y, hist, minPre, t0) { Lp <- max(4, hist %/% 4); s <- 0; n <- 0
  for (q in minPre:(hist-Lp)) { m <- q+Lp; tt <- 0:(m-1); Xq <- cbind(1, tt - t0, as.numeric(tt >= q))
    r <- fitv(y[1:m], Xq); tq <- r$b[3]/sqrt(r$V[3,3]); s <- s + tq^2/(r$df/(r$df-2)); n <- n+1 }
  c(max(1, sqrt(s/n)), n) }
# case 1
y <- arr("WEEKLY"); n <- 60; t <- 0:(n-1)
X <- cbind(1, t-36, as.numeric(t>=36)); r <- fitv(y, X)
k <- kappa(y, 36, 8, 36); show("case1", r, 3, k[1])
Xp <- X[37:60,]; Xp[,3] <- 0; m <- colMeans(Xp); lev <- sum(m*r$b); rel <- r$b[3]/abs(lev)
g <- -r$b[3]*sign(lev)*m/lev^2; g[3] <- g[3] + 1/abs(lev); se <- sqrt(drop(t(g) %*% r$V %*% g)); cr <- qt(0.975, r$df)
cat("rel", P(rel), P(rel-cr*se*k[1]), P(rel+cr*se*k[1]), "\n")
tr <- abs(r$b[3]/sqrt(r$V[3,3]))
cat("placebos", k[2], "kappa", P(k[1]), "p", P(2*pt(-tr/k[1], r$df)), "\n")
# case 2
y <- arr("DAILY"); c <- arr("CONTROL"); n <- 140; t <- 0:(n-1)
dow <- as.POSIXlt(as.Date("2024-01-01") + t)$wday; dow[dow==0] <- 7
keep <- which(!is.na(y) & !(t >= 70 & t < 72) & !(t >= 100 & t < 102))
pre <- keep[t[keep] < 70]; k2 <- sum(y[pre])/sum(c[pre]); d <- y - k2*c
D <- sapply(2:7, function(j) as.numeric(dow==j))
X <- cbind(1, t-70, D, as.numeric(t>=70), as.numeric(t>=100))
r <- fitv(d[keep], X[keep,])
B2 <- function(ww, annual) cbind(1, ww - 70, sapply(2:7, function(j) as.numeric(dow[ww + 1] == j)))
k2p <- kappa2(t[pre], d[pre], B2, length(pre), 12); cat("case2 placebos", k2p[2], "kappa", P(k2p[1]), "\n")
show("case2a", r, 9, k2p[1]); show("case2b", r, 10, k2p[1])
post <- keep[t[keep] >= 70 & t[keep] < 100]; Xp <- X[post,]; Xp[,9] <- 0
lev <- mean(Xp %*% r$b) + mean(k2*c[post]); cat("rel1", P(r$b[9]/abs(lev)), "\n")
# case 3
y <- arr("SEASONAL"); n <- length(y); t <- 0:(n-1); Pd <- 365.25/7
X <- cbind(1, t-104, sin(2*pi*t/Pd), cos(2*pi*t/Pd), as.numeric(t>=104)); r <- fitv(y, X)
B3 <- function(ww, annual) if (annual) cbind(1, ww - 104, sin(2*pi*ww/Pd), cos(2*pi*ww/Pd)) else cbind(1, ww - 104)
k3 <- kappa2(t[1:104], y[1:104], B3, 104, 8, Pd); cat("case3 placebos", k3[2], "kappa", P(k3[1]), "\n")
show("case3", r, 5, k3[1])
# pre-trend
y <- arr("DAILY"); c <- arr("CONTROL"); dd <- (y-c)[1:70]; i <- 0:69; ok <- !is.na(dd)
r <- fitv(dd[ok], cbind(1, i[ok])); se <- sqrt(r$V[2,2]); cat("pretrend L", r$L, "p", P(2*pt(-abs(r$b[2]/se), r$df)), "\n")
