'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';

/** DataRow's renderLink with Next's Link, so row navigation stays client-side. */
export const renderLink = (props: { href: string; className: string; children: ReactNode }) => <Link {...props} />;
