-- Up Migration
-- Written from the DnsRecord model of schema.prisma (as prisma migrate diff writes it).

-- CreateTable
CREATE TABLE "dns_record" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dns_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "dns_record_userId_name_type_value_key" ON "dns_record"("userId", "name", "type", "value");

-- AddForeignKey
ALTER TABLE "dns_record" ADD CONSTRAINT "dns_record_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
