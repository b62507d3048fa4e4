/// Seeded synthetic bundles with planted anomalies and their truth.
