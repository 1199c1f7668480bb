-- Up Migration
-- Written from the CertificateAuthority model of schema.prisma.

-- CreateTable
CREATE TABLE "certificate_authority" (
    "id" TEXT NOT NULL,
    "certificate" TEXT NOT NULL,
    "privateKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificate_authority_pkey" PRIMARY KEY ("id")
);
