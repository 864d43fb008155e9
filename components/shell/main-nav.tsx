'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import {
  IconCircleDot,
  IconGauge,
  IconHome,
  IconListChecks,
  IconScale,
  IconTarget,
  Nav,
  NavLink,
} from '@/components/ui';

const ITEMS = [
  { href: '/', label: 'Dashboard', icon: IconHome },
  { href: '/goals', label: 'Goals', icon: IconTarget },
  { href: '/actions', label: 'Actions', icon: IconListChecks },
  { href: '/measures', label: 'Measures', icon: IconGauge },
  { href: '/issues', label: 'Issues', icon: IconCircleDot },
  { href: '/decisions', label: 'Decisions', icon: IconScale },
] as const;

export function MainNav() {
  const pathname = usePathname();
  const isActive = (href: string) =>
    href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Nav>
      {ITEMS.map(({ href, label, icon: Icon }) => (
        <NavLink key={href} href={href} as={Link} active={isActive(href)} icon={<Icon />}>
          {label}
        </NavLink>
      ))}
    </Nav>
  );
}
